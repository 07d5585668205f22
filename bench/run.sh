#!/usr/bin/env bash
# Starts the server on a fresh embedded PostgreSQL (or SPRING_DATASOURCE_URL if set), then runs the
# contacts benchmark at each concurrency given (default: 8 32). Usage:
#   bench/run.sh [contacts-per-run] [concurrency...]      e.g. bench/run.sh 5000 8 32
set -euo pipefail
cd "$(dirname "$0")/.."
contacts=${1:-5000}; shift || true
levels=${*:-8 32}
port=${BENCH_PORT:-18080}
token=bench_$(date +%s%N)
data=$(mktemp -d)

[ -f app/target/crm-server.jar ] || ./mvnw -q -B -DskipTests package
CRM_DATA_DIR=$data CRM_ADMIN_TOKEN=$token SERVER_PORT=$port java -jar app/target/crm-server.jar \
  > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
trap 'exit 130' INT TERM
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$port/actuator/health" >/dev/null && break
  sleep 1
done
for c in $levels; do
  java bench/ContactsBench.java --url "http://localhost:$port" --token "$token" \
    --contacts "$contacts" --concurrency "$c" --queries $((contacts / 2))
done
