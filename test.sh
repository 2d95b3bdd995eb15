#!/usr/bin/env bash
# Runs every test: domain, web (WebApplicationFactory) and browser (Playwright + Debian Chromium).
# Browser tests need /usr/bin/chromium (apt-get install chromium); .ci/run installs it when missing.
set -uo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
dotnet test Dashboard.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# One closing line for the whole suite, summed over the three test projects.
awk '/(Passed|Failed)! +- Failed: / {
        gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
