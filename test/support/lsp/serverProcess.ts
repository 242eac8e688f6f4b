/**
 * One language server process for the LSP test client: spawned with piped stdio (only stdin/stdout carry LSP,
 * nothing listens on a port), its stderr kept for failure messages, its end observable, killable at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** How to start a server: the command line, where, with which environment, and a name for messages. */
export interface ServerCommand {
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Names the server in timeouts and exit messages (default: the command). */
  name?: string;
}

/** How a process ended. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The last this many characters of stderr are kept. */
const STDERR_KEPT = 256 * 1024;

/** A spawned server process. */
export class ServerProcess {
  readonly child: ChildProcess;
  readonly name: string;
  /** Resolves when the process has ended (or could not start at all). */
  readonly exited: Promise<ExitStatus>;
  /** Rejects, with the exit status and stderr, when the process ends: raced against every wait. */
  readonly died: Promise<never>;
  private stderrText = '';

  constructor(server: ServerCommand) {
    this.name = server.name ?? server.command;
    this.child = spawn(server.command, server.args, {
      cwd: server.cwd,
      env: server.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr!.on(
      'data',
      (chunk: Buffer) => void (this.stderrText = (this.stderrText + chunk.toString()).slice(-STDERR_KEPT)),
    );
    // A write to a server that died must not become an unhandled 'error' event in the test process.
    this.child.stdin!.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => resolve({ code, signal }));
      // A command that cannot start emits 'error' and maybe no 'exit'; unhandled, it would end the test process.
      this.child.once('error', () => resolve({ code: null, signal: null }));
    });
    this.died = this.exited.then((status) =>
      Promise.reject(
        new Error(`${this.name} exited (${status.code ?? status.signal}); stderr: ${this.stderr().slice(-2000)}`),
      ),
    );
    this.died.catch(() => undefined); // an error only for whoever is waiting on it
  }

  /** What the process wrote to stderr (its last 256 KB). */
  stderr(): string {
    return this.stderrText;
  }

  /** True until the process has ended. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Ends the process at once (SIGKILL), as a crash would. */
  kill(): void {
    if (this.running) this.child.kill('SIGKILL');
  }

  /** Peak resident set size in bytes (Linux VmHWM), or undefined once the process is gone or off Linux. */
  peakRssBytes(): number | undefined {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'))?.[1];
      return kb ? Number(kb) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }
}
