/**
 * The server processes the benchmark starts. Each is registered from its spawn until it exits, so that an error,
 * Ctrl-C or SIGTERM anywhere in the script still kills every one of them (see killAllChildren, called on every
 * exit path). The LSP test client spawns them; `track` is its onSpawn hook.
 */
import type { ChildProcess } from 'node:child_process';

/** Every child that may still be running. */
const live = new Set<ChildProcess>();

/** Registers a spawned server until it exits. */
export function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
}

/** SIGKILLs every server process this script started that is still running. */
export function killAllChildren(): void {
  for (const child of [...live]) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    live.delete(child);
  }
}
