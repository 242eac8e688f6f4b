/**
 * Starts the built language server (`node dist/server.js --stdio`, building it first when missing) and talks to
 * it through a real protocol connection, as an editor would. Tests stop what they start.
 */
import { spawn, execFileSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const ROOT = join(__dirname, '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');

/** Builds dist/server.js when it is missing. */
export function ensureBuilt(): void {
  if (!existsSync(SERVER)) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

export interface StartOptions {
  locale?: string;
  initializationOptions?: unknown;
  /** When given, the client announces workspace/configuration and answers it with this section object. */
  configuration?: () => unknown;
  capabilities?: ClientCapabilities;
}

type Waiter = { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class TestServer {
  readonly logs: string[] = [];
  initializeResult!: InitializeResult;
  private readonly waiters: Waiter[] = [];
  private readonly latest = new Map<string, PublishDiagnosticsParams>();

  private constructor(readonly child: ChildProcessWithoutNullStreams, readonly connection: ProtocolConnection) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.received(params));
    connection.onNotification('window/logMessage', (params: { message: string }) => void this.logs.push(params.message));
    connection.onRequest(RegistrationRequest.type, () => undefined);
  }

  /** Spawns the server and completes the initialize handshake. */
  static async start(options: StartOptions = {}): Promise<TestServer> {
    ensureBuilt();
    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new TestServer(child, connection);
    const configuration = options.configuration;
    if (configuration) connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => configuration()));
    connection.listen();
    const capabilities: ClientCapabilities = options.capabilities ?? { workspace: { configuration: !!configuration, didChangeConfiguration: { dynamicRegistration: true } } };
    server.initializeResult = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, locale: options.locale, initializationOptions: options.initializationOptions });
    await connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  private received(params: PublishDiagnosticsParams): void {
    this.latest.set(params.uri, params);
    for (const waiter of [...this.waiters]) {
      if (waiter.uri === params.uri && waiter.accept(params)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  }

  /** The next diagnostics published for a uri that satisfy `accept` (default: any). */
  diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, accept, resolve }));
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Shuts the server down politely, then makes sure the process is gone. */
  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The process may already be gone; killing it below is enough.
    }
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}
