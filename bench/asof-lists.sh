#!/usr/bin/env bash
# Point in time at a million records: the data set of bench/lists.sh (a year, 2026, of events of 1,000,000
# contacts and 200,000 leads, built from the events; built here unless it exists or BENCH_SKIP_BUILD=1), then
# one record as of its 1st, 1,000th and 10,000th event (contact 1 has 10,000, one every 50 minutes from
# 2026-01-01), every list as of an instant of that year and the stage-counts report, with wrk (8 connections,
# 10 s each), printing the count and p50/p99 per query. Needs psql, wrk and curl.
# Usage: bench/asof-lists.sh [contacts] [leads]  (BENCH_PG, BENCH_DB, BENCH_PORT as for bench/lists.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
contacts=${1:-1000000}
leads=${2:-200000}
pg=${BENCH_PG:-127.0.0.1:5432}
db=${BENCH_DB:-crm_bench_lists}
port=${BENCH_PORT:-18081}
token=crm_test_admin_token # the one the data set's build uses
. bench/wrk.sh
exists=$(psql -At -h "${pg%:*}" -p "${pg#*:}" -U postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")
if [ "${BENCH_SKIP_BUILD:-}" != 1 ] && [ "$exists" != 1 ]; then
  build_list_data_set "$contacts" "$leads"
fi

export SPRING_DATASOURCE_URL="jdbc:postgresql://$pg/$db" SPRING_DATASOURCE_USERNAME=postgres
. bench/server.sh
start_server -Xmx256m -XX:MaxMetaspaceSize=160m

user=usr_01KBENCH0000000000000000A3
at="asOf=2026-07-01T12:00:00Z"
week="createdAfter=2026-03-02T00:00:00Z&createdBefore=2026-03-09T00:00:00Z"
long=cnt_01B00000000000000000000001
short=cnt_01B00000000000000000000002
queries=(
  "one record, 3 events, asOf|/api/contacts/$short/?asOf=2026-12-31T00:00:00Z"
  "one record, 10,000 events, asOf its 1st|/api/contacts/$long/?asOf=2026-01-01T00:00:00Z"
  "one record, 10,000 events, asOf its 1,000th|/api/contacts/$long/?asOf=2026-02-04T16:30:00Z"
  "one record, 10,000 events, asOf its 10,000th|/api/contacts/$long/?asOf=2026-12-14T04:30:00Z"
  "one record, 10,000 events, live|/api/contacts/$long/"
  "contacts|/api/contacts/?$at"
  "contacts page 2,000|/api/contacts/?$at&page=2000"
  "contacts as of 2026-12-01|/api/contacts/?asOf=2026-12-01T00:00:00Z"
  "contacts as of 2026-02-01|/api/contacts/?asOf=2026-02-01T00:00:00Z"
  "contacts stage|/api/contacts/?$at&stage=engaged"
  "contacts stage page 2,000|/api/contacts/?$at&stage=engaged&page=2000"
  "contacts assignedTo|/api/contacts/?$at&assignedTo=$user"
  "contacts assignedTo page 2,000|/api/contacts/?$at&assignedTo=$user&page=2000"
  "contacts tags|/api/contacts/?$at&tags=t7"
  "contacts one week|/api/contacts/?$at&$week"
  "contacts one week page 900|/api/contacts/?$at&$week&page=900"
)
for o in createdAt -createdAt updatedAt -updatedAt lastName email; do
  queries+=("contacts ordering=$o|/api/contacts/?$at&ordering=$o" "contacts ordering=$o page 2,000|/api/contacts/?$at&ordering=$o&page=2000")
done
queries+=(
  "contacts search, ~11,000 matches|/api/contacts/?$at&search=last45"
  "leads|/api/leads/?$at"
  "leads status|/api/leads/?$at&status=qualified"
  "leads page 2,000|/api/leads/?$at&page=2000"
  "stage-counts contacts, 2026 monthly|/api/reports/stage-counts/?entityType=contact&from=2026-01-01&to=2026-12-31&interval=month"
  "stage-counts contacts, 2026 weekly|/api/reports/stage-counts/?entityType=contact&from=2026-01-01&to=2026-12-31&interval=week"
  "stage-counts contacts, 2026 daily|/api/reports/stage-counts/?entityType=contact&from=2026-01-01&to=2026-12-31&interval=day"
  "stage-counts leads, 2026 monthly|/api/reports/stage-counts/?entityType=lead&from=2026-01-01&to=2026-12-31&interval=month"
)
measure "${queries[@]}"
