#!/usr/bin/env bash
# Does applications-service spend more CPU on a read when it carries the headers the gateway adds (X-Forwarded-*,
# X-Request-Id, traceparent)? Calls the service directly with and without them, alternated, and prints throughput,
# p99 and the service's CPU per request for each run. Needs wrk and a running suite (./suite up).
#
#   benchmarks/forwarded-headers.sh              # ROUNDS=3 DURATION=15s WARMUP=30s
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
GATEWAY="http://127.0.0.1:${GATEWAY_PORT:-8080}"
SERVICE="http://127.0.0.1:${APPLICATIONS_PORT:-8081}"
SUITE_HOME="${SUITE_HOME:-$ROOT/.suite}"
SERVICE_PID=$(cat "$SUITE_HOME/run/applications-service.pid")
CLOCK_TICKS=$(getconf CLK_TCK)

secret="${BOOTSTRAP_ADMIN_SECRET:-$(cat "$SUITE_HOME/admin-secret")}"
token=$(curl -sf -d grant_type=client_credentials -d client_id=admin -d "client_secret=$secret" "$GATEWAY/oauth/token" \
  | sed -E 's/.*"access_token" *: *"([^"]+)".*/\1/')
now=$(TZ=Europe/Paris date +%Y-%m-%dT%H:%M:%S)
later=$(TZ=Europe/Paris date -d '+10 days' +%Y-%m-%dT%H:%M:%S)
review=$(TZ=Europe/Paris date -d '+20 days' +%Y-%m-%dT%H:%M:%S)
call=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$GATEWAY/api/calls" -d '{
  "name": "Forwarded headers benchmark", "edition": "bench-'"$(date +%s%N)"'", "description": "Benchmark",
  "timeZone": "Europe/Paris", "opensAt": "'"$now"'", "closesAt": "'"$later"'", "reviewClosesAt": "'"$review"'",
  "places": 5, "partners": ["SCALEWAY"], "eligibility": {"requireOpenModel": true, "openModels": ["Llama"]}, "questions": [],
  "rubric": {"scaleMin": 1, "scaleMax": 5, "criteria": [{"key": "overall", "label": "Overall", "weight": 1}]}}' \
  | sed -E 's/^\{"id" *: *"([^"]+)".*/\1/')

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVICE_PID/stat"; }
measure() { # label duration [wrk -H arguments...]
  local label=$1 duration=$2; shift 2
  local before after out
  before=$(cpu_ticks)
  out=$(wrk -t2 -c32 -d"$duration" --latency -H "Authorization: Bearer $token" "$@" "$SERVICE/calls/$call")
  after=$(cpu_ticks)
  echo "$out" | awk -v label="$label" -v ticks=$((after - before)) -v hz="$CLOCK_TICKS" '
    /requests in/ { requests = $1 } /Requests\/sec/ { rps = $2 } $1 == "99%" { p99 = $2 }
    END { printf "%-22s %8.0f req/s  p99 %-9s  service CPU %.3f ms/request\n", label, rps, p99, ticks * 1000 / hz / requests }'
}
FORWARDED=(-H "X-Forwarded-For: 127.0.0.1" -H "X-Forwarded-Proto: http" -H "X-Forwarded-Host: 127.0.0.1:8080"
  -H "X-Forwarded-Prefix: /api" -H "X-Request-Id: 0123456789abcdef0123456789abcdef"
  -H "traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")

measure "warm-up" "${WARMUP:-30s}" >/dev/null
for round in $(seq "${ROUNDS:-3}"); do
  measure "without ($round)" "${DURATION:-15s}"
  measure "with headers ($round)" "${DURATION:-15s}" "${FORWARDED[@]}"
done
