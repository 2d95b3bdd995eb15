#!/usr/bin/env bash
# Interaction latency with the portal and the browsers on separate cores: builds the portal and the bench in Release,
# starts the portal on CPU 0 (throw-away data directory, demo data), runs bench/Dashboard.LoadUsers with its Chromiums
# on CPU 1 against it, stops everything and prints the figures. The portal's own share (its CPU and Blazor's
# histograms) comes from its Development-only /_bench/timings. Bounded: the bench has a time limit, the portal is
# always stopped.
#
#   bench/load/run-users.sh                          # USERS=20 ROUNDS=2
#   USERS=5 ROUNDS=4 bench/load/run-users.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

USERS="${USERS:-20}"
ROUNDS="${ROUNDS:-2}"
DEMO_DAYS="${DEMO_DAYS:-30}"
SERVER_CPU="${SERVER_CPU:-0}"
CLIENT_CPU="${CLIENT_CPU:-1}"

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  dotnet build -c Release src/Dashboard -nologo -v q
  dotnet build -c Release bench/Dashboard.LoadUsers -nologo -v q
fi

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
data="$(mktemp -d /tmp/dashboard-users-XXXXXX)"
pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT INT TERM

# Development for the demo users; every simulated person is the demo admin, so the per-user circuit cap and the
# sign-in and export rate limits are lifted for the run.
(
  cd src/Dashboard
  ASPNETCORE_ENVIRONMENT=Development \
  Dashboard__DataDirectory="$data" \
  Dashboard__DemoDays="$DEMO_DAYS" \
  Dashboard__BenchEndpoints=true \
  Circuits__MaxCircuitsPerUser=1000 \
  RateLimits__SignInPerIp__PermitLimit=100000 \
  RateLimits__SignInPerAccount__PermitLimit=100000 \
  RateLimits__Exports__PermitLimit=100000 \
  Logging__LogLevel__Default=Warning \
  exec taskset -c "$SERVER_CPU" dotnet bin/Release/net10.0/Dashboard.dll --urls "http://localhost:$port"
) >"$data/portal.log" 2>&1 &
pid=$!

for _ in $(seq 1 240); do
  if curl -fs -o /dev/null "http://localhost:$port/Account/Login"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "The portal exited:"; cat "$data/portal.log"; exit 1; fi
  sleep 0.5
done

echo "portal on CPU $SERVER_CPU, browsers on CPU $CLIENT_CPU"
taskset -c "$CLIENT_CPU" dotnet bench/Dashboard.LoadUsers/bin/Release/net10.0/Dashboard.LoadUsers.dll \
  --users "$USERS" --rounds "$ROUNDS" --url "http://localhost:$port"
