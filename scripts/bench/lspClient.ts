/**
 * A benchmark's view of one language server process: spawn it on stdio, talk LSP through the real protocol client
 * (vscode-languageserver-protocol), time requests, wait for the diagnostics an edit should produce, read the peak
 * RSS and kill the process (processes.ts keeps the list of children for the script's exit paths).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { killServer, spawnServer, type ServerProcess } from './processes';

/** How to start a server and what to answer when it asks for settings (workspace/configuration, by section). */
export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
}

/** The capabilities of an ordinary editor: pull configuration, markdown, snippets, versioned diagnostics. */
const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

type Waiter = { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (at: number) => void };

export class BenchClient {
  private readonly waiters: Waiter[] = [];
  readonly connection: ProtocolConnection;

  private constructor(readonly spec: ServerSpec, private readonly proc: ServerProcess) {
    const connection = createProtocolConnection(new StreamMessageReader(proc.child.stdout!), new StreamMessageWriter(proc.child.stdin!));
    this.connection = connection;
    // The arrival time is taken in the notification handler itself, before any promise hop adds to it.
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const at = performance.now();
      for (const waiter of [...this.waiters]) {
        if (waiter.uri !== params.uri || !waiter.accept(params)) continue;
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(at);
      }
    });
    const settings = spec.settings ?? {};
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => (item.section ? (settings[item.section] ?? null) : settings)));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
  }

  /** Spawns the server and runs initialize; `initializeMs` is spawn→initialize result, wall clock. */
  static async start(spec: ServerSpec, timeoutMs = 60_000): Promise<{ client: BenchClient; initializeMs: number }> {
    const started = performance.now();
    const client = new BenchClient(spec, spawnServer(spec.name, spec.command, spec.args, spec.cwd));
    const connection = client.connection;
    try {
      const init = connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, locale: 'en', capabilities: CAPABILITIES, initializationOptions: spec.initializationOptions });
      await client.deadline(init, timeoutMs, 'initialize');
      const initializeMs = performance.now() - started;
      await connection.sendNotification(InitializedNotification.type, {});
      if (spec.settings) await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: spec.settings });
      return { client, initializeMs };
    } catch (error) {
      client.kill();
      throw error;
    }
  }

  /** Sends `send` and resolves with the ms until diagnostics for `uri` that satisfy `accept` arrive. */
  async timeDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean, send: () => Promise<void>, timeoutMs: number): Promise<number> {
    let resolveAt!: (at: number) => void;
    const arrived = new Promise<number>((resolve) => (resolveAt = resolve));
    const waiter: Waiter = { uri, accept, resolve: resolveAt };
    this.waiters.push(waiter);
    const started = performance.now();
    try {
      await send();
      return (await this.deadline(arrived, timeoutMs, `diagnostics of ${uri}`)) - started;
    } finally {
      const index = this.waiters.indexOf(waiter);
      if (index >= 0) this.waiters.splice(index, 1);
    }
  }

  /** Sends one request and resolves with its answer and its round-trip time in ms. */
  async timeRequest<R>(method: string, params: unknown, timeoutMs: number): Promise<{ ms: number; result: R }> {
    const started = performance.now();
    const result = await this.deadline(this.connection.sendRequest(method, params) as Promise<R>, timeoutMs, method);
    return { ms: performance.now() - started, result };
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Peak resident set size of the server process in bytes (VmHWM), undefined when /proc does not have it. */
  peakRssBytes(): number | undefined {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.proc.child.pid}/status`, 'utf8'))?.[1];
      return kb ? Number(kb) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** shutdown + exit with a short grace period, then SIGKILL whatever is left. */
  async stop(): Promise<void> {
    try {
      await this.deadline(this.connection.sendRequest(ShutdownRequest.type), 3000, 'shutdown');
      await this.connection.sendNotification(ExitNotification.type);
      await this.deadline(this.proc.died.catch(() => undefined), 3000, 'exit');
    } catch {
      // Killed below: a server that does not shut down politely still must not outlive the benchmark.
    } finally {
      this.kill();
    }
  }

  kill(): void {
    this.connection.dispose();
    killServer(this.proc.child);
  }

  private deadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${this.spec.name}: no ${what} within ${ms} ms; stderr: ${this.proc.stderr().slice(-800)}`)), ms)));
    // A server that crashes fails the wait at once, with its stderr, instead of at the deadline.
    return Promise.race([promise, expired, this.proc.died]).finally(() => clearTimeout(timer));
  }
}
