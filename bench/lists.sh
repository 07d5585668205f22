#!/usr/bin/env bash
# List benchmark. 1) Builds a data set in a fresh database of a PostgreSQL server: a year of events of a big
# CRM loaded straight into the event store (default 1,000,000 contacts and 200,000 leads, ~3,100,000
# events; see app/src/test/java/dev/crm/app/bench/ListBenchmark.java), then the contacts, leads and
# audit-log read models rebuilt from them through the admin API (each one's time is printed). 2) Starts the
# server on that database and measures every list with wrk (8 connections, 10 s each, after a warm-up),
# printing the count and p50/p99 per query. Needs psql, wrk and curl.
# Usage: bench/lists.sh [contacts] [leads]      (BENCH_PG: server, default 127.0.0.1:5432, user postgres;
#        BENCH_DB: database, default crm_bench_lists, dropped first; BENCH_SKIP_BUILD=1 reuses it)
set -euo pipefail
cd "$(dirname "$0")/.."
contacts=${1:-1000000}
leads=${2:-200000}
pg=${BENCH_PG:-127.0.0.1:5432}
db=${BENCH_DB:-crm_bench_lists}
port=${BENCH_PORT:-18081}
token=crm_test_admin_token # the one the data set's build uses
url="jdbc:postgresql://$pg/$db"

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  psql -q -h "${pg%:*}" -p "${pg#*:}" -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  CRM_TEST_DATABASE_URL="$url" ./mvnw -q -B verify -pl app -am -DskipITs -Dtest=ListBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Dbench.contacts="$contacts" -Dbench.leads="$leads" >/dev/null 2>&1 \
    || { echo "building the data set failed, see app/target/surefire-reports" >&2; exit 1; }
  grep -h 'LIST-BENCH' app/target/surefire-reports/dev.crm.app.bench.ListBenchmark-output.txt | sed 's/^.*LIST-BENCH //'
fi

export SPRING_DATASOURCE_URL="$url" SPRING_DATASOURCE_USERNAME=postgres
. bench/server.sh
start_server -Xmx256m -XX:MaxMetaspaceSize=160m

user=usr_01KBENCH0000000000000000A3
long=cnt_01B00000000000000000000001
week="createdAfter=2026-03-02T00:00:00Z&createdBefore=2026-03-09T00:00:00Z"
queries=(
  "contacts|/api/contacts/"
  "contacts page 2,000|/api/contacts/?page=2000"
  "contacts stage|/api/contacts/?stage=engaged"
  "contacts stage page 2,000|/api/contacts/?stage=engaged&page=2000"
  "contacts assignedTo|/api/contacts/?assignedTo=$user"
  "contacts assignedTo page 2,000|/api/contacts/?assignedTo=$user&page=2000"
  "contacts tags|/api/contacts/?tags=t7"
  "contacts tags page 2,000|/api/contacts/?tags=import&page=2000"
  "contacts one week|/api/contacts/?$week"
  "contacts one week page 900|/api/contacts/?$week&page=900"
)
for o in createdAt -createdAt updatedAt -updatedAt lastName -lastName email -email; do
  queries+=("contacts ordering=$o|/api/contacts/?ordering=$o" "contacts ordering=$o page 2,000|/api/contacts/?ordering=$o&page=2000")
done
queries+=(
  "leads status|/api/leads/?status=qualified"
  "leads source|/api/leads/?source=referral"
  "leads ordering=-leadScore|/api/leads/?ordering=-leadScore"
  "leads ordering=-leadScore page 2,000|/api/leads/?ordering=-leadScore&page=2000"
  "audit log|/api/audit-log/"
  "audit log actor|/api/audit-log/?actor=$user"
  "audit log entityId|/api/audit-log/?entityId=$long"
  "audit log type|/api/audit-log/?type=contact.stage_changed"
  "audit log one day|/api/audit-log/?after=2026-03-02T00:00:00Z&before=2026-03-03T00:00:00Z"
  "history, 10,000 events, first page|/api/contacts/$long/history/"
  "history, 10,000 events, last page|/api/contacts/$long/history/?page=500"
  "search, ~1,100 matches|/api/contacts/?search=first123"
  "search, ~11,000 matches|/api/contacts/?search=last45"
  "search, ~11,000 matches + stage|/api/contacts/?search=last45&stage=engaged"
  "search, 11% of contacts|/api/contacts/?search=first1"
  "search, 11% of contacts + stage|/api/contacts/?search=first1&stage=engaged"
)

# wrk prints latencies in us, ms or s
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
                 else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.1f", v }'; }
for q in "${queries[@]}" "${queries[@]}"; do # a warm-up of the JIT on every kind of query, twice
  wrk -t2 -c8 -d2s -H "Authorization: Bearer $token" "http://localhost:$port${q#*|}" >/dev/null
done
printf '%-38s %10s %8s %8s %8s\n' "query (wrk, 8 connections, 10 s)" count req/s "p50 ms" "p99 ms"
for q in "${queries[@]}"; do
  name=${q%%|*}; path=${q#*|}
  count=$(curl -sf -H "Authorization: Bearer $token" "http://localhost:$port$path" | grep -o '"count":[0-9]*' | cut -d: -f2)
  out=$(wrk -t2 -c8 -d10s --latency -H "Authorization: Bearer $token" "http://localhost:$port$path")
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }' | to_ms)
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }' | to_ms)
  rps=$(echo "$out" | awk '/^Requests\/sec/ { printf "%.0f", $2 }')
  non2xx=$(echo "$out" | awk '/Non-2xx/ { print " non-2xx=" $NF }')
  printf '%-38s %10s %8s %8s %8s%s\n' "$name" "${count:-?}" "$rps" "$p50" "$p99" "$non2xx"
done
