#!/usr/bin/env bash
# Runs one differential-test app's scenarios against LiveModel and compares with LoopBack's recording:
#   src/test/lb3/compare-livemodel.sh <app> [extra compare flags, e.g. --ignore-cors]
# Builds nothing: it starts target/livemodel.jar (build it first: mvn -B -o -q -DskipTests package) on a
# free port with LIVEMODEL_DATA=none and the app folder's common/models, runs
# scenarios.js compare, stops LiveModel. Exit status: that of the comparison (0: all steps match).
# LIVEMODEL_APP_ARG=folder passes the app folder itself instead of common/models (once LiveModel loads
# app folders, issue #12 item 1).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
app="${1:?usage: compare-livemodel.sh <app> [--ignore-cors]}"; shift
dir="$root/src/test/resources/lb-apps/$app"
models="$dir/common/models"
[[ "${LIVEMODEL_APP_ARG:-}" == "folder" ]] && models="$dir"
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
log="$(mktemp)"
PORT="$port" LIVEMODEL_DATA=none LIVEMODEL_MODELS="$models" java -jar "$root/target/livemodel.jar" >"$log" 2>&1 &
lm_pid=$!
trap 'kill "$lm_pid" 2>/dev/null || true; wait "$lm_pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 300); do
  grep -q "listening" "$log" && break
  kill -0 "$lm_pid" 2>/dev/null || { cat "$log" >&2; exit 2; }
  sleep 0.1
done
grep -q "listening" "$log" || { echo "LiveModel did not start" >&2; cat "$log" >&2; exit 2; }
grep -i "warn" "$log" >&2 || true
node "$here/scenarios.js" compare "$dir/recorded.json" "http://127.0.0.1:$port" "$dir/scenarios.json" "$@"
