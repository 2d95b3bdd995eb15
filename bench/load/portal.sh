# Sourced by the load benches (run-circuits.sh, run-users.sh): starts the built Release portal on a free loopback port
# with a throw-away data directory (demo data, Development, bench endpoints on), pinned to $SERVER_CPU, and stops it
# and removes the directory when the script exits. Sets port, data, log and pid.
#
#   start_portal [NAME=VALUE ...]     # extra settings for the run, e.g. Circuits__MaxCircuitsPerUser=100000

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

start_portal() {
  # Development: demo users and plain-HTTP antiforgery on loopback, as the README's run command.
  (
    cd src/Dashboard
    exec env ASPNETCORE_ENVIRONMENT=Development \
      Dashboard__DataDirectory="$data" \
      Dashboard__DemoDays="${DEMO_DAYS:-30}" \
      Dashboard__BenchEndpoints=true \
      Logging__LogLevel__Default=Warning \
      "$@" \
      taskset -c "${SERVER_CPU:-0}" dotnet bin/Release/net10.0/Dashboard.dll --urls "http://localhost:$port"
  ) >"$log" 2>&1 &
  pid=$!

  for _ in $(seq 1 240); do
    if curl -fs -o /dev/null "http://localhost:$port/Account/Login"; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "The portal exited:"; cat "$log"; exit 1; fi
    sleep 0.5
  done
  echo "The portal did not start in 120 s"; cat "$log"; exit 1
}
