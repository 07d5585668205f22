#!/usr/bin/env bash
# Usage: bench/startup.sh [runs]
#
# Seconds from process start to the first 200 of GET /api/contacts/ (embedded PostgreSQL), on a new data
# directory and then on that same directory again, `runs` times each (default 3), for:
#   jar        java -jar app/target/crm-server.jar, as the README starts it;
#   cds        the jar extracted (java -Djarmode=tools ... extract) with a class-data-sharing archive that a
#              training run wrote (any JDK 17 or newer);
#   aot        the same with a JDK 25 AOT cache instead, when JAVA25 names a JDK 25 `java` (for example
#              JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java).
# Prints one line per start, e.g. "cds existing 5.53 s". Port 18186; everything goes to a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=18186
token=bench-startup
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f app/target/crm-server.jar ] || ./mvnw -q -B -DskipTests package

java -Djarmode=tools -jar app/target/crm-server.jar extract --destination "$work/app" >/dev/null
extracted="$work/app/crm-server.jar"

# A training run: starts the application on a data directory of its own, stops once the context is up,
# and writes what the JVM learned on the way out.
train() {
  CRM_DATA_DIR="$work/training" CRM_ADMIN_TOKEN=$token SERVER_PORT=$port "$@" \
    -Dspring.context.exit=onRefresh -jar "$extracted" >"$work/training.log" 2>&1
}

# start LABEL DATA_DIR COMMAND...: prints the seconds until the first 200, then stops the server.
start() {
  local label=$1 data=$2 t0 pid code=
  shift 2
  t0=$(date +%s%N)
  CRM_DATA_DIR=$data CRM_ADMIN_TOKEN=$token SERVER_PORT=$port "$@" >"$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
      "http://127.0.0.1:$port/api/contacts/?limit=1" || true)
    [ "$code" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || { echo "$label: the server exited, see its log:" >&2; cat "$work/server.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "$label $(awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.2f", ns / 1e9 }') s"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

# measure NAME COMMAND...: a new data directory, then the same one again, `runs` times.
measure() {
  local name=$1
  shift
  for i in $(seq 1 "$runs"); do
    start "$name new" "$work/data-$name-$i" "$@"
    start "$name existing" "$work/data-$name-$i" "$@"
  done
}

measure jar java -Xmx256m -XX:MaxMetaspaceSize=160m -jar app/target/crm-server.jar
train java -Xmx256m -XX:MaxMetaspaceSize=160m -XX:ArchiveClassesAtExit="$work/crm.jsa"
measure cds java -Xmx256m -XX:MaxMetaspaceSize=160m -XX:SharedArchiveFile="$work/crm.jsa" -jar "$extracted"
if [ -n "${JAVA25:-}" ]; then
  train "$JAVA25" -Xmx256m -XX:MaxMetaspaceSize=160m -XX:AOTCacheOutput="$work/crm.aot"
  measure aot "$JAVA25" -Xmx256m -XX:MaxMetaspaceSize=160m -XX:AOTCache="$work/crm.aot" -jar "$extracted"
fi
