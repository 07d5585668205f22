#!/usr/bin/env bash
# Chain benchmark: loads the replay benchmark's mix of about EVENTS contact, lead, account, opportunity, note
# and task events straight into a fresh event store (embedded PostgreSQL in a temporary directory), numbers
# and chains them, then times GET /api/audit/verify/ three times over HTTP (events/s), and the chaining of
# the same store with every link removed (what the first run after an upgrade does), and a sequencer run
# numbering and chaining the whole store against numbering alone as the sequencer did before the chain.
# Usage: bench/verify.sh [events]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-100000}
./mvnw -q -B test -pl app -am -Dtest=VerifyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.events="$events" >/dev/null 2>&1 || { echo "benchmark failed, see app/target/surefire-reports" >&2; exit 1; }
grep -h 'VERIFY-BENCH' app/target/surefire-reports/dev.crm.app.bench.VerifyBenchmark-output.txt | sed 's/^.*VERIFY-BENCH //'
