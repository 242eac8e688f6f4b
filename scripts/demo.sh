#!/usr/bin/env bash
# `npm run demo`: the main job on a fresh machine. Installs what is missing (node_modules with npm ci, the VS Code
# runtime outside the repo), builds and packages the .vsix, then starts the VPC API emulator and VS Code
# (code-server) on 127.0.0.1 with an example workspace, the extension installed from the .vsix and its endpoint
# pointed at the emulator, and prints the URL to open. Ctrl-C stops all of it.
# Options go to scripts/vscode-runtime/demo.ts: --port N, --no-verify, --exit-after-check.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  echo "[demo] npm ci"
  npm ci
fi
echo "[demo] VS Code runtime (outside the repo; about 3 minutes the first time)"
bash scripts/vscode-runtime/install.sh >/dev/null
echo "[demo] npm run package"
npm run --silent package
echo "[demo] starting"
exec npx tsx scripts/vscode-runtime/demo.ts "$@"
