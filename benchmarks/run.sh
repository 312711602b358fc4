#!/usr/bin/env bash
# Runs every benchmark in one go against a dedicated suite (its own ports and databases) and writes the figures to
# benchmarks/results/<timestamp>.md. Needs wrk (Debian package) and a built suite (./mvnw package -DskipTests).
#
#   benchmarks/run.sh                # everything: startup, gateway overhead, event propagation, write throughput, RSS
#   DURATION=30s CONNECTIONS=32 ROUNDS=3 EVENTS=500 MAX_WARMUP_RUNS=18 benchmarks/run.sh   (defaults, DURATION 20s)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

export SUITE_HOME="$ROOT/benchmarks/.suite"
export SUITE_DB_PREFIX=bench_
export SUITE_SKIP_BUILD="${SUITE_SKIP_BUILD:-1}"
export GATEWAY_PORT=18080 APPLICATIONS_PORT=18081 COHORT_PORT=18082 RESOURCES_PORT=18083 GATEWAY_MANAGEMENT_PORT=19000
export KAFKA_PORT=19092 KAFKA_CONTROLLER_PORT=19093
export BOOTSTRAP_ADMIN_SECRET="bench-admin-secret-$(date +%s)"
# One benchmark client makes tens of thousands of calls: the rate limit would measure itself.
export RATE_LIMIT_PER_MINUTE=100000000 RATE_LIMIT_BURST=10000000 RATE_LIMIT_SIGN_UPS_BURST=10000000

./suite down >/dev/null 2>&1 || true
for db in applications cohorts resources gateway; do
  psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d postgres -qc "DROP DATABASE IF EXISTS ${SUITE_DB_PREFIX}$db WITH (FORCE)" >/dev/null
done
rm -rf "$SUITE_HOME/kafka"
trap './suite down >/dev/null 2>&1 || true' EXIT

up_started=$(date +%s%N)
./suite up > "$ROOT/benchmarks/.suite-up.log"
up_millis=$(( ($(date +%s%N) - up_started) / 1000000 ))

mkdir -p "$ROOT/benchmarks/results"
report="$ROOT/benchmarks/results/$(date -u +%Y%m%dT%H%M%SZ).md"
java -Xmx512m "$ROOT/benchmarks/Bench.java" "$up_millis" | tee "$report"
echo
echo "Figures written to $report"
