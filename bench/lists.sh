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

. bench/wrk.sh
if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  build_list_data_set "$contacts" "$leads"
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
  "audit log one week|/api/audit-log/?after=2026-03-02T00:00:00Z&before=2026-03-09T00:00:00Z"
  "audit log one week page 10|/api/audit-log/?after=2026-03-02T00:00:00Z&before=2026-03-09T00:00:00Z&page=10"
  "history, 10,000 events, first page|/api/contacts/$long/history/"
  "history, 10,000 events, last page|/api/contacts/$long/history/?page=500"
  "search, ~1,100 matches|/api/contacts/?search=first123"
  "search, ~11,000 matches|/api/contacts/?search=last45"
  "search, ~11,000 matches + stage|/api/contacts/?search=last45&stage=engaged"
  "search, 11% of contacts|/api/contacts/?search=first1"
  "search, 11% of contacts + stage|/api/contacts/?search=first1&stage=engaged"
)

measure "${queries[@]}"
