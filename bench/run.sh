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
. bench/server.sh
start_server
for c in $levels; do
  java bench/ContactsBench.java --url "http://localhost:$port" --token "$token" \
    --contacts "$contacts" --concurrency "$c" --queries $((contacts / 2))
done
