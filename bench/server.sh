# Sourced by the benchmark scripts: start_server [JVM options...] starts the packaged server in the
# background on $port with the admin token $token, on a fresh embedded PostgreSQL (or on
# SPRING_DATASOURCE_URL when set), stops it when the script exits, and waits until it is healthy.
start_server() {
  local data
  data=$(mktemp -d)
  [ -f app/target/crm-server.jar ] || ./mvnw -q -B -DskipTests package
  CRM_DATA_DIR=$data CRM_ADMIN_TOKEN=$token SERVER_PORT=$port java "$@" -jar app/target/crm-server.jar \
    > "$data/server.log" 2>&1 &
  server=$!
  trap "kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf '$data'" EXIT
  trap 'exit 130' INT TERM
  for _ in $(seq 1 120); do
    curl -sf "http://localhost:$port/actuator/health" >/dev/null && break
    sleep 1
  done
}
