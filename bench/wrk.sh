# Sourced by the benchmark scripts: measure QUERY... runs each "name|path" with wrk against the server on
# $port with the token $token (a warm-up of the JIT on every query first, twice, 2 s each; then 8 connections,
# 10 s each) and prints the answer's count, req/s, p50 and p99 per query. Needs wrk and curl.

# wrk prints latencies in us, ms or s
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
                 else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.1f", v }'; }

measure() {
  local q name path count out p50 p99 rps non2xx
  for q in "$@" "$@"; do
    wrk -t2 -c8 -d2s -H "Authorization: Bearer $token" "http://localhost:$port${q#*|}" >/dev/null
  done
  printf '%-44s %10s %8s %8s %8s\n' "query (wrk, 8 connections, 10 s)" count req/s "p50 ms" "p99 ms"
  for q in "$@"; do
    name=${q%%|*}; path=${q#*|}
    count=$(curl -sf -H "Authorization: Bearer $token" "http://localhost:$port$path" | grep -o '"count":[0-9]*' | cut -d: -f2)
    out=$(wrk -t2 -c8 -d10s --latency -H "Authorization: Bearer $token" "http://localhost:$port$path")
    p50=$(echo "$out" | awk '$1 == "50%" { print $2 }' | to_ms)
    p99=$(echo "$out" | awk '$1 == "99%" { print $2 }' | to_ms)
    rps=$(echo "$out" | awk '/^Requests\/sec/ { printf "%.0f", $2 }')
    non2xx=$(echo "$out" | awk '/Non-2xx/ { print " non-2xx=" $NF }')
    printf '%-44s %10s %8s %8s %8s%s\n' "$name" "${count:--}" "$rps" "$p50" "$p99" "$non2xx"
  done
}

# build_list_data_set CONTACTS LEADS: the data set of bench/lists.sh in the database $db of the server $pg
# (dropped first), built by ListBenchmark; prints the time each step took.
build_list_data_set() {
  psql -q -h "${pg%:*}" -p "${pg#*:}" -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  CRM_TEST_DATABASE_URL="jdbc:postgresql://$pg/$db" ./mvnw -q -B verify -pl app -am -DskipITs -Dtest=ListBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Dbench.contacts="$1" -Dbench.leads="$2" >/dev/null 2>&1 \
    || { echo "building the data set failed, see app/target/surefire-reports" >&2; exit 1; }
  grep -h 'LIST-BENCH' app/target/surefire-reports/dev.crm.app.bench.ListBenchmark-output.txt | sed 's/^.*LIST-BENCH //'
}
