#!/usr/bin/env bash
# The in-editor tier of `npm test`: runs in a real VS Code (code-server 4.139.1 on Node 24, shown in Debian's
# Chromium), installing that runtime outside the repository first when it is missing.
#   1. the in-host suite (test/editor/suite, mocha inside the extension host, against the emulator);
#   2. the packaged .vsix installed into a fresh extensions dir, and the UI checks with screenshots on it.
# Appends "passed failed skipped" to $TEST_SUMMARY_FILE (scripts/test-all.sh adds the tiers up) and prints
# "editor: N passed, N failed". Exits non-zero when a test failed or a part did not run at all.
# Env: TCVPN_RUNTIME_DIR (runtime location), SKIP_UI_CHECKS=1 (in-host suite only).
set -uo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
parts_summary="$(mktemp)"
# The server's and tcvpn's code cache (server/boot/cacheDir.ts) goes to a folder of this run, not the user's.
cache_made_here=""
if [ -z "${TCVPN_CACHE_DIR+set}" ]; then
  cache_made_here="$(mktemp -d)"
  export TCVPN_CACHE_DIR="$cache_made_here"
fi
trap 'rm -f "$parts_summary"; [ -n "$cache_made_here" ] && rm -rf "$cache_made_here"' EXIT
export EDITOR_SUMMARY_FILE="$parts_summary"
status=0
expected_parts=0

echo "== editor tier: runtime"
if ! bash scripts/vscode-runtime/install.sh >/dev/null; then
  echo "editor tier: the runtime could not be installed (see above)"
  status=1
else
  echo "== editor tier: in-host suite"
  expected_parts=$((expected_parts + 1))
  npx tsx scripts/vscode-runtime/run-editor-tests.ts || status=1

  if [ "${SKIP_UI_CHECKS:-}" != "1" ]; then
    echo "== editor tier: packaged .vsix and UI checks"
    expected_parts=$((expected_parts + 1))
    npx tsx scripts/vscode-runtime/ui-checks.ts || status=1
  fi
fi

read -r passed failed skipped < <(awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}' "$parts_summary")
reported=$(wc -l <"$parts_summary")
if [ "$reported" -lt "$expected_parts" ] || [ "$expected_parts" -eq 0 ]; then
  # A part that crashed before counting anything must not look like a pass.
  echo "editor tier: $((expected_parts - reported)) part(s) did not report a result"
  failed=$((failed + 1))
  status=1
fi
[ "$failed" -gt 0 ] && status=1
[ -n "${TEST_SUMMARY_FILE:-}" ] && echo "$passed $failed $skipped" >>"$TEST_SUMMARY_FILE"
echo "editor tier took $(( $(date +%s) - started )) s"
echo "editor: $passed passed, $failed failed$([ "$skipped" -gt 0 ] && echo ", $skipped skipped")"
exit $status
