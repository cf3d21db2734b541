#!/usr/bin/env bash
# Records real LoopBack 3's answers to each differential-test app's scenarios:
#   src/test/lb3/record.sh [--verify] [app...]     (apps: folders of src/test/resources/lb-apps; default all)
# For each app: npm ci (once), boot the app with serve.js on a free 127.0.0.1 port, run its
# scenarios.json, write recorded.json next to it, stop LoopBack.
# --verify writes nothing: it boots a fresh LoopBack per app and compares its answers with the committed
# recording (scenarios.js compare --target=loopback); a non-empty diff means a recording is not
# deterministic, or is stale.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
apps_dir="$(cd "$here/../resources/lb-apps" && pwd)"
verify=false
if [[ "${1:-}" == "--verify" ]]; then verify=true; shift; fi
apps=("$@")
if [[ ${#apps[@]} -eq 0 ]]; then
  for d in "$apps_dir"/*/; do [[ -f "$d/scenarios.json" ]] && apps+=("$(basename "$d")"); done
fi

cd "$here"
if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

lb_pid=""
stop_lb() { if [[ -n "$lb_pid" ]]; then kill "$lb_pid" 2>/dev/null || true; wait "$lb_pid" 2>/dev/null || true; lb_pid=""; fi; }
trap stop_lb EXIT

status=0
for app in "${apps[@]}"; do
  dir="$apps_dir/$app"
  log="$(mktemp)"
  node serve.js "$dir" 0 >"$log" 2>&1 &
  lb_pid=$!
  port=""
  for _ in $(seq 1 100); do
    port="$(sed -n 's/^listening \([0-9]*\)$/\1/p' "$log")"
    [[ -n "$port" ]] && break
    kill -0 "$lb_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  [[ -n "$port" ]] || { echo "LoopBack did not start for $app" >&2; cat "$log" >&2; exit 1; }
  if $verify; then
    node scenarios.js compare "$dir/recorded.json" "http://127.0.0.1:$port" "$dir/scenarios.json" --target=loopback || status=1
  else
    node scenarios.js run "http://127.0.0.1:$port" "$dir/scenarios.json" "$dir/recorded.json"
    echo "$app: recorded $(node -p "require('$dir/recorded.json').steps.length") steps into $dir/recorded.json"
  fi
  stop_lb
  rm -f "$log"
done
exit $status
