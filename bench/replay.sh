#!/usr/bin/env bash
# Replay benchmark: loads about 5 x CONTACTS realistic contact events straight into a fresh event store
# (embedded PostgreSQL in a temporary directory), rebuilds the read models through the admin API and
# prints events/s. Usage: bench/replay.sh [contacts]   (default 200000, i.e. about 1,000,000 events)
set -euo pipefail
cd "$(dirname "$0")/.."
contacts=${1:-200000}
./mvnw -q -B verify -Dtest=ReplayBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.contacts="$contacts" >/dev/null 2>&1 || { echo "benchmark failed, see app/target/surefire-reports" >&2; exit 1; }
grep -h 'REPLAY-BENCH' app/target/surefire-reports/dev.crm.app.bench.ReplayBenchmark-output.txt | sed 's/^.*REPLAY-BENCH //'
