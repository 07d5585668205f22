#!/usr/bin/env bash
# Replay benchmark: loads a mix of about 12,000 x SCALE contact, lead, account, opportunity, note and task
# events straight into a fresh event store (embedded PostgreSQL in a temporary directory), rebuilds every
# read model through the admin API and prints events/s. Usage: bench/replay.sh [scale]   (default 100: ~1,200,000 events)
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-100}
./mvnw -q -B test -pl app -am -Dtest=ReplayBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.scale="$scale" >/dev/null 2>&1 || { echo "benchmark failed, see app/target/surefire-reports" >&2; exit 1; }
grep -h 'REPLAY-BENCH' app/target/surefire-reports/dev.crm.app.bench.ReplayBenchmark-output.txt | sed 's/^.*REPLAY-BENCH //'
