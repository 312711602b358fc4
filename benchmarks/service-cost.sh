#!/usr/bin/env bash
# Why does applications-service spend more CPU on a read through the gateway than called directly? Two suspects, each
# checked by calling the service directly, alternated, and printing throughput, p99 and the service's CPU per request:
#  1. the headers the gateway adds (X-Forwarded-*, X-Request-Id, traceparent): wrk with and without them;
#  2. the pace: through the gateway the service gets fewer requests a second, so fewer share a wake-up of its event
#     loop. hey (32 connections) unpaced, then paced at RATE requests a second (the through-gateway throughput).
# Needs wrk, hey (Debian packages) and a running suite (./suite up).
#
#   benchmarks/service-cost.sh             # ROUNDS=3 DURATION=15s WARMUP=30s RATE=5300
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
command -v hey >/dev/null || { echo "hey is needed: apt-get install hey" >&2; exit 1; }
GATEWAY="http://127.0.0.1:${GATEWAY_PORT:-8080}"
SERVICE="http://127.0.0.1:${APPLICATIONS_PORT:-8081}"
SUITE_HOME="${SUITE_HOME:-$ROOT/.suite}"
SERVICE_PID=$(cat "$SUITE_HOME/run/applications-service.pid")
CLOCK_TICKS=$(getconf CLK_TCK)
CONNECTIONS=32

secret="${BOOTSTRAP_ADMIN_SECRET:-$(cat "$SUITE_HOME/admin-secret")}"
token=$(curl -sf -d grant_type=client_credentials -d client_id=admin -d "client_secret=$secret" "$GATEWAY/oauth/token" \
  | sed -E 's/.*"access_token" *: *"([^"]+)".*/\1/')
now=$(TZ=Europe/Paris date +%Y-%m-%dT%H:%M:%S)
later=$(TZ=Europe/Paris date -d '+10 days' +%Y-%m-%dT%H:%M:%S)
review=$(TZ=Europe/Paris date -d '+20 days' +%Y-%m-%dT%H:%M:%S)
call=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$GATEWAY/api/calls" -d '{
  "name": "Service cost benchmark", "edition": "bench-'"$(date +%s%N)"'", "description": "Benchmark",
  "timeZone": "Europe/Paris", "opensAt": "'"$now"'", "closesAt": "'"$later"'", "reviewClosesAt": "'"$review"'",
  "places": 5, "partners": ["SCALEWAY"], "eligibility": {"requireOpenModel": true, "openModels": ["Llama"]}, "questions": [],
  "rubric": {"scaleMin": 1, "scaleMax": 5, "criteria": [{"key": "overall", "label": "Overall", "weight": 1}]}}' \
  | sed -E 's/^\{"id" *: *"([^"]+)".*/\1/')
URL="$SERVICE/calls/$call"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVICE_PID/stat"; }
measure() { # label command...: the command's output is wrk's (--latency) or hey's
  local label=$1; shift
  local before after out
  before=$(cpu_ticks)
  out=$("$@")
  after=$(cpu_ticks)
  echo "$out" | awk -v label="$label" -v ticks=$((after - before)) -v hz="$CLOCK_TICKS" '
    /requests in/ { requests = $1 } /Requests\/sec/ { rps = $2 } $1 == "[200]" { requests = $2 }
    $1 == "99%" { p99 = $2 == "in" ? sprintf("%.2fms", $3 * 1000) : $2 }
    END { printf "%-26s %8.0f req/s  p99 %-9s  service CPU %.3f ms/request\n", label, rps, p99, ticks * 1000 / hz / requests }'
}
with_wrk() { wrk -t2 -c$CONNECTIONS -d"${DURATION:-15s}" --latency -H "Authorization: Bearer $token" "$@" "$URL"; }
with_hey() { hey -z "${DURATION:-15s}" -c $CONNECTIONS "$@" -H "Authorization: Bearer $token" "$URL"; }
FORWARDED=(-H "X-Forwarded-For: 127.0.0.1" -H "X-Forwarded-Proto: http" -H "X-Forwarded-Host: 127.0.0.1:8080"
  -H "X-Forwarded-Prefix: /api" -H "X-Request-Id: 0123456789abcdef0123456789abcdef"
  -H "traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
PER_CONNECTION=$(( ${RATE:-5300} / CONNECTIONS ))

DURATION="${WARMUP:-30s}" measure "warm-up" with_wrk >/dev/null
for round in $(seq "${ROUNDS:-3}"); do
  measure "without headers ($round)" with_wrk
  measure "with headers ($round)" with_wrk "${FORWARDED[@]}"
done
for round in $(seq "${ROUNDS:-3}"); do
  measure "unpaced ($round)" with_hey
  measure "paced at $((PER_CONNECTION * CONNECTIONS))/s ($round)" with_hey -q "$PER_CONNECTION"
done
