#!/usr/bin/env bash
# Circuit load test: builds the portal in Release, starts it on a free loopback port with a throw-away data directory
# (demo data), runs the headless circuit client against the Transactions report, stops everything and prints the
# figures. Bounded: the client has a time limit and the portal is always stopped.
#
#   bench/load/run-circuits.sh                       # STEPS=250,500,1000,2000 HOLD_S=15
#   STEPS=100,200 HOLD_S=5 bench/load/run-circuits.sh
#   PAGE=integration PORTAL_LOG=/tmp/portal.log ...  # another page; keep the portal's log
#
# The portal runs on CPU 0 and the client on CPU 1 (taskset), so they do not fight for one core.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

STEPS="${STEPS:-250,500,1000,2000}"
HOLD_S="${HOLD_S:-15}"
DEMO_DAYS="${DEMO_DAYS:-30}"
SERVER_CPU="${SERVER_CPU:-0}"
CLIENT_CPU="${CLIENT_CPU:-1}"

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  dotnet build -c Release src/Dashboard -nologo -v q
fi
if [[ ! -d bench/load/node_modules ]]; then
  (cd bench/load && npm ci --no-audit --no-fund)
fi

# The per-user circuit cap (SESS-08) is raised for the run: every circuit here belongs to one signed-in user.
source bench/load/portal.sh
start_portal Circuits__MaxCircuitsPerUser=100000

echo "Seller Central circuit load test — $(nproc) cores, portal pid $pid on CPU $SERVER_CPU, client on CPU $CLIENT_CPU"
echo "steps $STEPS, hold ${HOLD_S}s, page /${PAGE:-reports/transactions} as admin@demo.example"
status=0
BASE="http://localhost:$port/" SERVER_PID="$pid" STEPS="$STEPS" HOLD_S="$HOLD_S" \
  taskset -c "$CLIENT_CPU" timeout 1800 node bench/load/circuits.js || status=$?
if grep -q "Unhandled exception\|fail:" "$log"; then
  echo "Portal errors during the run (first 20 lines):"; grep -A3 "Unhandled exception\|fail:" "$log" | head -20
fi
exit "$status"
