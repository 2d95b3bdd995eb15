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

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
data="$(mktemp -d /tmp/dashboard-load-XXXXXX)"
log="$data/portal.log"
pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  if [[ -n "${PORTAL_LOG:-}" && -f "$log" ]]; then cp "$log" "$PORTAL_LOG"; fi
  rm -rf "$data"
}
trap cleanup EXIT INT TERM

# Development: demo users and plain-HTTP antiforgery on loopback, as the README's run command. The per-user circuit
# cap (SESS-08) is raised for the run: every circuit here belongs to one signed-in user.
(
  cd src/Dashboard
  ASPNETCORE_ENVIRONMENT=Development \
  Dashboard__DataDirectory="$data" \
  Dashboard__DemoDays="$DEMO_DAYS" \
  Dashboard__BenchEndpoints=true \
  Circuits__MaxCircuitsPerUser=100000 \
  Logging__LogLevel__Default=Warning \
  exec taskset -c "$SERVER_CPU" dotnet bin/Release/net10.0/Dashboard.dll --urls "http://localhost:$port"
) >"$log" 2>&1 &
pid=$!

for _ in $(seq 1 240); do
  if curl -fs -o /dev/null "http://localhost:$port/Account/Login"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "The portal exited:"; cat "$log"; exit 1; fi
  sleep 0.5
done
curl -fs -o /dev/null "http://localhost:$port/Account/Login" || { echo "The portal did not start in 120 s"; cat "$log"; exit 1; }

echo "Seller Central circuit load test — $(nproc) cores, portal pid $pid on CPU $SERVER_CPU, client on CPU $CLIENT_CPU"
echo "steps $STEPS, hold ${HOLD_S}s, page /${PAGE:-reports/transactions} as admin@demo.example"
status=0
BASE="http://localhost:$port/" SERVER_PID="$pid" STEPS="$STEPS" HOLD_S="$HOLD_S" \
  taskset -c "$CLIENT_CPU" timeout 1800 node bench/load/circuits.js || status=$?
if grep -q "Unhandled exception\|fail:" "$log"; then
  echo "Portal errors during the run (first 20 lines):"; grep -A3 "Unhandled exception\|fail:" "$log" | head -20
fi
exit "$status"
