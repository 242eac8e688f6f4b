#!/usr/bin/env bash
# `npm run demo`: the main job on a fresh machine. Installs what is missing (node_modules with npm ci, the VS Code
# runtime outside the repo), builds and packages the .vsix, then starts the VPC API emulator and VS Code
# (code-server) on 127.0.0.1 with the examples/ workspace (kept where the banner says), the extension installed
# from the .vsix and its endpoint pointed at the emulator, and prints the URL to open. Ctrl-C stops all of it.
# It prints one line per step; what npm, vsce and the installs print goes to a log file it names.
# Options go to scripts/vscode-runtime/demo.ts: --port N, --no-verify, --exit-after-check.
set -euo pipefail
cd "$(dirname "$0")/.."

LOG="${TMPDIR:-/tmp}/tcvpn-demo-setup.log"
: >"$LOG"

# Runs one step with its output in the log; on failure, shows the log's end and stops.
step() {
  local what="$1"; shift
  echo "[demo] $what"
  echo "=== $what: $*" >>"$LOG"
  if ! "$@" >>"$LOG" 2>&1; then
    tail -n 25 "$LOG" >&2
    echo "[demo] ERROR: $what failed; the full log is $LOG" >&2
    exit 1
  fi
}

echo "[demo] setup log: $LOG"
if [ ! -d node_modules ]; then
  step "npm ci" npm ci --no-audit --no-fund
fi
echo "[demo] VS Code runtime (outside the repo; about 3 minutes the first time)"
bash scripts/vscode-runtime/install.sh >/dev/null
step "npm run package" npm run --silent package
echo "[demo] starting"
exec npx tsx scripts/vscode-runtime/demo.ts "$@"
