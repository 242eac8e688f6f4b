/**
 * The environment of a `tcvpn` child a test starts with nothing of the user's: PATH, the run's own state and
 * code-cache folders (test/support/isolatedState.ts) — without them a child would write the user's
 * ~/.local/state/tcvpn or ~/.cache/tcvpn — and what the test adds.
 */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    TCVPN_STATE_DIR: process.env.TCVPN_STATE_DIR,
    TCVPN_CACHE_DIR: process.env.TCVPN_CACHE_DIR,
    ...extra,
  };
}
