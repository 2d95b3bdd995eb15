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

# Every simulated person is the demo admin, so the per-user circuit cap and the sign-in and export rate limits are
# lifted for the run.
source bench/load/portal.sh
start_portal Circuits__MaxCircuitsPerUser=1000 \
  RateLimits__SignInPerIp__PermitLimit=100000 \
  RateLimits__SignInPerAccount__PermitLimit=100000 \
  RateLimits__Exports__PermitLimit=100000

echo "portal on CPU $SERVER_CPU, browsers on CPU $CLIENT_CPU"
taskset -c "$CLIENT_CPU" dotnet bench/Dashboard.LoadUsers/bin/Release/net10.0/Dashboard.LoadUsers.dll \
  --users "$USERS" --rounds "$ROUNDS" --url "http://localhost:$port"
