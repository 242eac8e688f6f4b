/**
 * Runs the lab's system commands (ip, swanctl, ping, charon) without a shell: every argument is passed as given,
 * so a file's values never reach a shell. Errors carry the command and its output, so a failed step names itself.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';

/** What a finished command printed and how it ended. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** How long a command may take (20 s unless told) and what it reads on stdin. */
export interface RunOptions {
  timeoutMs?: number;
  input?: string;
  env?: NodeJS.ProcessEnv;
}

/** Runs `command args…` and resolves with its exit code and output (never rejects on a non-zero exit). */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = execFile(
      command,
      [...args],
      { timeout: options.timeoutMs ?? 20_000, maxBuffer: 16 * 1024 * 1024, env: options.env },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        const spawnFailure = error && typeof error.code === 'string' ? `${error.message}\n` : '';
        resolve({ code, stdout: String(stdout), stderr: spawnFailure + String(stderr) });
      },
    );
    // A command that exits without reading its input must not fail the lab with EPIPE.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input);
  });
}

/** Runs a command that must succeed; a failure throws with the command line and its stderr. */
export async function runChecked(command: string, args: readonly string[], options?: RunOptions): Promise<string> {
  const result = await run(command, args, options);
  if (result.code !== 0)
    throw new Error(
      `${[command, ...args].join(' ')} failed (${result.code}): ${result.stderr.trim() || result.stdout}`,
    );
  return result.stdout;
}

/** Runs a command inside a network namespace (`ip netns exec NS …`). */
export function runIn(namespace: string, command: string, args: readonly string[], options?: RunOptions) {
  return run('ip', ['netns', 'exec', namespace, command, ...args], options);
}

/** Starts a long-running process detached from the lab's stdin, in its own process group. */
export function startDetached(command: string, args: readonly string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, [...args], { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
}
