/**
 * One strongSwan IKE daemon (charon) inside a lab namespace. Each daemon gets a private mount namespace whose
 * /run is its own directory (charon's pid file is fixed at /var/run/charon.pid), its own strongswan.conf, vici
 * socket and log file. It is driven with swanctl over that socket: load a swanctl.conf, initiate a child, list
 * the SAs. Stopping kills it by its PID; the PID is registered with cleanup.ts until the daemon has exited.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { registerLeftover } from './cleanup';
import { charonConf, charonLogPath, viciSocket, type CharonConfOptions } from './charonConf';
import { run, startDetached, type CommandResult } from './exec';
import { parseSwanctlRaw, type RawNode } from './swanctlRaw';

/** Where Debian's packages put the daemon and its control tool. */
export const CHARON_BINARY = '/usr/lib/ipsec/charon';
export const SWANCTL_BINARY = '/usr/sbin/swanctl';

/** How long a daemon may take to open its vici socket. */
const START_TIMEOUT_MS = 10_000;
/** How long a daemon may take to stop before it is killed (kernel-libipsec needs 1.3–2 s). */
const STOP_TIMEOUT_MS = 5_000;

/** A running daemon. */
export class Charon {
  private exited: Promise<void>;
  private stderr = '';

  private constructor(
    readonly namespace: string,
    readonly dir: string,
    private readonly child: ChildProcess,
    private readonly forget: () => void,
  ) {
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** Starts charon in `namespace` with its files in `dir` and waits for its vici socket. */
  static async start(namespace: string, options: CharonConfOptions): Promise<Charon> {
    const { dir } = options;
    mkdirSync(`${dir}/run`, { recursive: true, mode: 0o700 });
    writeFileSync(`${dir}/strongswan.conf`, charonConf(options), { mode: 0o600 });
    // ip netns exec, unshare and sh each exec the next program, so the PID spawned is charon's own.
    const child = startDetached(
      'ip',
      [
        'netns',
        'exec',
        namespace,
        'unshare',
        '-m',
        '--propagation',
        'private',
        '--',
        'sh',
        '-c',
        'mount --bind "$0/run" /run && exec "$1"',
        dir,
        CHARON_BINARY,
      ],
      { ...process.env, STRONGSWAN_CONF: `${dir}/strongswan.conf` },
    );
    const forget = child.pid ? registerLeftover({ kind: 'process', pid: child.pid }) : () => undefined;
    const charon = new Charon(namespace, dir, child, forget);
    await charon.waitForSocket();
    return charon;
  }

  /**
   * Resolves when the daemon answers on its vici socket (the file appears at bind(), a moment before the daemon
   * accepts on it); throws with the daemon's output if it exits or takes too long.
   */
  private async waitForSocket(): Promise<void> {
    let exited = false;
    void this.exited.then(() => (exited = true));
    const deadline = Date.now() + START_TIMEOUT_MS;
    const answers = async () => existsSync(viciSocket(this.dir)) && (await this.swanctl(['--stats'])).code === 0;
    while (!(await answers())) {
      if (exited || Date.now() > deadline) {
        await this.stop();
        throw new Error(`charon in ${this.namespace} did not start: ${this.stderr.trim()}\n${this.log()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** swanctl against this daemon's socket, with its strongswan.conf (so /etc is never read). */
  swanctl(args: readonly string[], timeoutMs = 20_000): Promise<CommandResult> {
    const env = { ...process.env, STRONGSWAN_CONF: `${this.dir}/strongswan.conf` };
    return run(SWANCTL_BINARY, [...args, '--uri', `unix://${viciSocket(this.dir)}`], { timeoutMs, env });
  }

  /** Writes `swanctlConf` (mode 0600, it holds the key) and loads connections and secrets from it. */
  async load(swanctlConf: string): Promise<void> {
    const file = `${this.dir}/swanctl.conf`;
    writeFileSync(file, swanctlConf, { mode: 0o600 });
    const result = await this.swanctl(['--load-all', '--noprompt', '--file', file]);
    // The missing credential folders (x509/, private/, …) are reported too; only a failed connection or secret counts.
    const failures = `${result.stdout}${result.stderr}`
      .split('\n')
      .filter((line) => /^loading .* failed|failed to load|^Error/.test(line));
    if (result.code !== 0 || failures.length)
      throw new Error(
        `swanctl could not load the configuration in ${this.namespace}: ${failures.join('; ') || result.stderr}`,
      );
  }

  /** Initiates a CHILD SA (and its IKE SA); resolves with swanctl's outcome, never rejects. */
  initiate(child: string, timeoutSeconds: number): Promise<CommandResult> {
    return this.swanctl(
      ['--initiate', '--child', child, '--timeout', String(timeoutSeconds)],
      (timeoutSeconds + 5) * 1000,
    );
  }

  /** The IKE SAs as swanctl's raw listing reports them (name → its fields). */
  async listSas(): Promise<RawNode> {
    const result = await this.swanctl(['--list-sas', '--raw']);
    return parseSwanctlRaw(result.stdout);
  }

  /** The connections loaded (name → its fields), as swanctl's raw listing reports them. */
  async listConns(): Promise<RawNode> {
    const result = await this.swanctl(['--list-conns', '--raw']);
    return parseSwanctlRaw(result.stdout);
  }

  /** Everything the daemon has logged so far. */
  log(): string {
    const path = charonLogPath(this.dir);
    return existsSync(path) ? readFileSync(path, 'utf8') : '';
  }

  /** Stops the daemon (SIGTERM, then SIGKILL after a grace period) and waits until it has exited. */
  async stop(): Promise<void> {
    const pid = this.child.pid;
    if (pid !== undefined && this.child.exitCode === null && this.child.signalCode === null) {
      signal(pid, 'SIGTERM');
      const timer = setTimeout(() => signal(pid, 'SIGKILL'), STOP_TIMEOUT_MS);
      await this.exited;
      clearTimeout(timer);
    }
    this.forget();
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // It has exited already.
  }
}
