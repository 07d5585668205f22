#!/usr/bin/env bash
# Point-in-time reads of one record at any history length: starts the server on a fresh embedded PostgreSQL
# (or SPRING_DATASOURCE_URL), creates a contact and changes its stage through the API until it has [history]
# events (default 10,000), noting the instant after its 1st, 1,000th and last event, and a contact with one
# event; then reads each as of those instants with wrk (8 connections, 10 s each) and prints p50/p99.
# Needs curl and wrk. Usage: bench/asof.sh [history]
set -euo pipefail
cd "$(dirname "$0")/.."
history=${1:-10000}
port=${BENCH_PORT:-18080}
token=bench_$(date +%s%N)
. bench/server.sh
. bench/wrk.sh
start_server -Xmx256m -XX:MaxMetaspaceSize=160m
api="http://localhost:$port/api/contacts/"
auth="Authorization: Bearer $token"
create() { curl -sf -H "$auth" -H 'Content-Type: application/json' -d "{\"firstName\": \"$1\", \"email\": \"$1@example.com\"}" "$api" \
  | grep -o '"id":"cnt_[0-9A-Z]*"' | cut -d'"' -f4; }
one=$(create one)
long=$(create long)
patches() { # $1 patches of the long contact's stage, 4 at a time
  seq 1 "$1" | xargs -P4 -I{} sh -c 'curl -sf -o /dev/null -X PATCH -H "$0" -H "Content-Type: application/json" \
    -d "{\"stage\": \"$( [ $(({} % 2)) = 0 ] && echo engaged || echo contacted)\"}" "$1"' "$auth" "$api$long/"
}
now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }
sleep 0.01; t1=$(now); sleep 0.01
patches 999; sleep 0.01; t1000=$(now); sleep 0.01
patches $((history - 1000)); sleep 0.01; tlast=$(now)
version() { curl -sfI -H "$auth" "$api$long/?asOf=$1" | awk -F'"' 'tolower($1) ~ /^etag/ { print $2 }'; }
echo "contact $long: version $(version "$t1") at $t1, $(version "$t1000") at $t1000, $(version "$tlast") at $tlast"
measure "one event, live|/api/contacts/$one/" \
  "one event, asOf now|/api/contacts/$one/?asOf=$tlast" \
  "$history events, live|/api/contacts/$long/" \
  "$history events, asOf its 1st|/api/contacts/$long/?asOf=$t1" \
  "$history events, asOf its 1,000th|/api/contacts/$long/?asOf=$t1000" \
  "$history events, asOf its last|/api/contacts/$long/?asOf=$tlast" \
  "$history events, history last page|/api/contacts/$long/history/?page=$((history / 20))"
