#!/usr/bin/env bash
# Starts the server on a fresh embedded PostgreSQL (or SPRING_DATASOURCE_URL if set), then PATCHes contacts
# with 1 and with many prior events and prints PATCH/s with p50/p99. Usage:
#   bench/patch.sh [contacts] [history] [concurrency]      e.g. bench/patch.sh 3000 10000 8
set -euo pipefail
cd "$(dirname "$0")/.."
contacts=${1:-3000}; history=${2:-10000}; concurrency=${3:-8}
port=${BENCH_PORT:-18080}
token=bench_$(date +%s%N)
. bench/server.sh
start_server
# Warm-up, not measured: the JIT compilers take most of the 2 cores for the first few thousand requests.
java bench/PatchBench.java --url "http://localhost:$port" --token "$token" --contacts 3000 \
  --concurrency "$concurrency" --history 3000 --patches 500 > /dev/null
java bench/PatchBench.java --url "http://localhost:$port" --token "$token" --contacts "$contacts" \
  --concurrency "$concurrency" --history "$history" --patches 2000
