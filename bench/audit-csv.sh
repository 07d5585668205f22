#!/usr/bin/env bash
# Audit-CSV benchmark. 1) Builds a data set in a fresh database of a PostgreSQL server: the replay
# benchmark's mix of events (about 12,200 x SCALE; default 83: ~1,010,000 events) loaded straight into the
# event store, then the audit log built from them by the admin API's rebuild of event-log (see
# app/src/test/java/dev/crm/app/bench/AuditCsvBenchmark.java). 2) Starts the server on that database with a
# 256 MB heap and downloads the whole audit log as CSV with curl, twice, printing the time, rows and bytes of
# each download and the server's heap: the most in use while downloading (jstat, every 200 ms) and after.
# Needs psql, curl, jstat and jcmd.
# Usage: bench/audit-csv.sh [scale]   (BENCH_PG: server, default 127.0.0.1:5432, user postgres;
#        BENCH_DB: database, default crm_bench_audit_csv, dropped first; BENCH_SKIP_BUILD=1 reuses it)
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-83}
pg=${BENCH_PG:-127.0.0.1:5432}
db=${BENCH_DB:-crm_bench_audit_csv}
port=${BENCH_PORT:-18082}
token=crm_test_admin_token # the one the data set's build uses
url="jdbc:postgresql://$pg/$db"

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  psql -q -h "${pg%:*}" -p "${pg#*:}" -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  CRM_TEST_DATABASE_URL="$url" ./mvnw -q -B verify -pl app -am -DskipITs -Dtest=AuditCsvBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Dbench.scale="$scale" >/dev/null 2>&1 \
    || { echo "building the data set failed, see app/target/surefire-reports" >&2; exit 1; }
  grep -h 'AUDIT-CSV-BENCH' app/target/surefire-reports/dev.crm.app.bench.AuditCsvBenchmark-output.txt \
    | sed 's/^.*AUDIT-CSV-BENCH //'
fi

export SPRING_DATASOURCE_URL="$url" SPRING_DATASOURCE_USERNAME=postgres
. bench/server.sh
start_server -Xmx256m -XX:MaxMetaspaceSize=160m
out=$(mktemp -d)
eval "$(trap -p EXIT | sed "s|' EXIT\$|; rm -rf $out' EXIT|")" # server.sh's clean-up, and the downloads'

# The heap in use (survivors + eden + old, KB) every 200 ms, while curl downloads.
download() {
  jstat -gc "$server" 200 > "$out/jstat" &
  local sampler=$!
  local timing
  timing=$(curl -sf -o "$out/audit-log.csv" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' \
    -H 'Accept: text/csv' -H "Authorization: Bearer $token" "http://localhost:$port/api/audit-log/$1")
  kill $sampler; wait $sampler 2>/dev/null || true
  local peak rows
  peak=$(awk 'NR > 1 { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%.0f", max / 1024 }' "$out/jstat")
  rows=$(python3 -c 'import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    r = csv.reader(f); header = next(r); print(sum(1 for _ in r))' "$out/audit-log.csv")
  read -r status first total bytes <<< "$timing"
  printf '%-34s HTTP %s, %9s rows, %5.0f MB in %5.1f s (first byte %.2f s) = %7.0f rows/s, %5.1f MB/s; heap in use at most %s MB\n' \
    "GET /api/audit-log/$1" "$status" "$rows" "$(echo "$bytes / 1048576" | bc -l)" "$total" "$first" \
    "$(echo "$rows / $total" | bc -l)" "$(echo "$bytes / 1048576 / $total" | bc -l)" "$peak"
}
echo "server: -Xmx256m, pid $server"
download ""
download ""
download "?type=contact.stage_changed"
echo "server heap after the downloads (jcmd GC.heap_info):"
jcmd "$server" GC.heap_info | sed -n '2,3p'
