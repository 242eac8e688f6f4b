/**
 * The lab's last line of defence: every namespace, daemon and key-holding folder it makes is registered here,
 * and removed if the process is interrupted (SIGINT, SIGTERM) or exits before the normal teardown ran. The
 * normal path tears down itself and unregisters; this registry only covers what that path could not reach.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

/** Something to undo synchronously: kill a process by its PID, delete a namespace or a folder. */
export type Leftover =
  { kind: 'process'; pid: number } | { kind: 'namespace'; name: string } | { kind: 'directory'; path: string };

/** Processes first (they hold the namespaces), then namespaces, then folders. */
const ORDER: Record<Leftover['kind'], number> = { process: 0, namespace: 1, directory: 2 };

const leftovers = new Set<Leftover>();
let handlersInstalled = false;

/** Records something to remove if the process ends early; returns the function that forgets it again. */
export function registerLeftover(leftover: Leftover): () => void {
  installHandlers();
  leftovers.add(leftover);
  return () => leftovers.delete(leftover);
}

/** Removes every registered leftover now (processes first, then namespaces), ignoring what is already gone. */
export function removeLeftovers(): void {
  const ordered = [...leftovers].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  for (const leftover of ordered) {
    try {
      if (leftover.kind === 'process') process.kill(leftover.pid, 'SIGKILL');
      else if (leftover.kind === 'namespace') execFileSync('ip', ['netns', 'del', leftover.name], { stdio: 'ignore' });
      else rmSync(leftover.path, { recursive: true, force: true });
    } catch {
      // Already gone: nothing to undo.
    }
    leftovers.delete(leftover);
  }
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', removeLeftovers);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      removeLeftovers();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}
