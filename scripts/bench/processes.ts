/**
 * The server processes the benchmark starts. Each is registered until it exits, so that an error, Ctrl-C or
 * SIGTERM anywhere in the script still kills every one of them (see killAllChildren, called on every exit path).
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** Every child that may still be running. */
const live = new Set<ChildProcess>();

/** A spawned server: the process, its last stderr output and a promise that rejects when it dies. */
export interface ServerProcess {
  child: ChildProcess;
  stderr: () => string;
  /** Rejects (with the exit code and stderr) when the process ends; raced against every wait, so a crash fails fast. */
  died: Promise<never>;
}

/** Spawns `command args` with piped stdio; only stdin/stdout carry LSP, nothing listens on a port. */
export function spawnServer(name: string, command: string, args: string[], cwd: string): ServerProcess {
  const child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  live.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)));
  child.stdin!.on('error', () => undefined); // a dead server must not crash the benchmark with EPIPE
  const died = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      reject(new Error(`${name} exited (${code ?? signal}); stderr: ${stderr.slice(-800)}`));
    });
    // A command that cannot start emits 'error' (and maybe no 'exit'); unhandled, it would end the script.
    child.once('error', (error) => reject(new Error(`${name} could not run: ${error.message}`)));
  });
  died.catch(() => undefined); // only an error while someone waits on it
  return { child, stderr: () => stderr, died };
}

/** SIGKILLs one server process if it is still running. */
export function killServer(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  live.delete(child);
}

/** Kills every server process this script started that is still running. */
export function killAllChildren(): void {
  for (const child of [...live]) killServer(child);
}
