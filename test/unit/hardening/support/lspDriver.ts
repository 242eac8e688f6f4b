/**
 * Drives a language server over stdio with a real protocol client (vscode-languageserver-protocol), for the
 * hardening tests and the peer benchmark alike: spawn, initialize, open and change documents, wait for the
 * diagnostics of a given version, send requests with a deadline, read the process's peak RSS, kill it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export interface ServerCommand {
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** What a client answers to workspace/configuration, by section ("yaml", "tencentcloudVpn", ...). */
export type SettingsBySection = Record<string, unknown>;

/** Capabilities of a plain editor client: pull configuration, markdown hover, snippets, hierarchical symbols. */
export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    formatting: { dynamicRegistration: false },
  },
};

/** A timeout of a request or of a wait: names what did not come. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

export class LspDriver {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  /** Messages the server logged at Error level (window/logMessage type 1). */
  readonly errorLogs: string[] = [];
  private stderrText = '';
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters = new Set<() => void>();
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(server: ServerCommand, private settings: SettingsBySection) {
    this.child = spawn(server.command, server.args, { cwd: server.cwd, env: server.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      if (this.stderrText.length < 1_000_000) this.stderrText += chunk.toString();
    });
    // A write to a server that died must not become an unhandled 'error' event in the test process.
    this.child.stdin!.on('error', () => undefined);
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      if (this.published.length > 2000) this.published.splice(0, 1000);
      this.waiters.forEach((wake) => wake());
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      if (params.type === 1) this.errorLogs.push(params.message);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section ? (this.settings[item.section] ?? null) : this.settings)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  /** Spawns and initializes a server; resolves with the driver and how long spawn→initialize result took. */
  static async start(server: ServerCommand, options: { settings?: SettingsBySection; initializationOptions?: unknown; timeoutMs?: number } = {}): Promise<{ driver: LspDriver; initializeMs: number; result: InitializeResult }> {
    const started = performance.now();
    const driver = new LspDriver(server, options.settings ?? {});
    const initialize = driver.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      locale: 'en',
      capabilities: CLIENT_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    const died = driver.exited.then(({ code, signal }) => Promise.reject(new Error(`server exited (${code ?? signal}) while starting: ${driver.stderr().slice(0, 2000)}`)));
    void died.catch(() => undefined);
    const result = await driver.withDeadline(Promise.race([initialize, died]), options.timeoutMs ?? 30_000, 'initialize');
    const initializeMs = performance.now() - started;
    await driver.connection.sendNotification(InitializedNotification.type, {});
    if (options.settings) await driver.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: options.settings });
    return { driver, initializeMs, result };
  }

  stderr(): string {
    return this.stderrText;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Peak resident set size of the server process in bytes (Linux VmHWM), or undefined once it is gone. */
  peakRssBytes(): number | undefined {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'))?.[1];
      return kb ? Number(kb) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  /** How many diagnostics notifications arrived so far (a mark for `diagnosticsAfter`). */
  mark(): number {
    return this.published.length;
  }

  /**
   * The first diagnostics for `uri` published after `mark` whose version is at least `version` (servers that do
   * not send a version count as matching: they publish for the newest text they have).
   */
  diagnosticsAfter(mark: number, uri: string, version: number | undefined, timeoutMs: number): Promise<PublishDiagnosticsParams> {
    const found = (): PublishDiagnosticsParams | undefined =>
      this.published.slice(Math.max(0, mark - (this.published.length > 2000 ? 1000 : 0))).find((p) => p.uri === uri && (version === undefined || p.version === undefined || p.version >= version));
    return this.withDeadline(
      new Promise<PublishDiagnosticsParams>((resolve) => {
        const check = (): void => {
          const hit = found();
          if (!hit) return;
          this.waiters.delete(check);
          resolve(hit);
        };
        this.waiters.add(check);
        check();
      }),
      timeoutMs,
      `diagnostics of ${uri} v${version}`,
    );
  }

  /** Sends a request and rejects with DeadlineError when no answer comes within `timeoutMs`. */
  request<R>(method: string, params: unknown, timeoutMs: number): Promise<R> {
    return this.withDeadline(this.connection.sendRequest(method, params) as Promise<R>, timeoutMs, method);
  }

  /** shutdown + exit, then waits for the process (kills it if it lingers). */
  async stop(timeoutMs = 5000): Promise<void> {
    try {
      await this.request(ShutdownRequest.method, undefined, timeoutMs);
      await this.connection.sendNotification(ExitNotification.type);
      await this.withDeadline(this.exited, timeoutMs, 'exit');
    } catch {
      this.kill();
    } finally {
      this.connection.dispose();
    }
  }

  /** Ends the process at once (SIGKILL), as a crash would. */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  private withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeadlineError(`no ${what} within ${ms} ms`)), ms);
    });
    return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
  }
}
