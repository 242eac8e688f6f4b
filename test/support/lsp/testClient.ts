/**
 * The one LSP test client, for every program here that drives a language server over stdio: the LSP tests, the
 * npm-pack test, the hardening tests and the benchmark (ours and the peer servers alike). It talks through the real
 * protocol connection (vscode-languageserver-protocol) as an editor does: initialize/initialized, open/change/close,
 * requests with a deadline, waits for the diagnostics of a uri and version, answers the server's
 * workspace/configuration, client/registerCapability and window/workDoneProgress/create, shutdown/exit, kill.
 * Besides, for what the connection would not send: raw bytes and many notifications in one write (rawInput.ts),
 * and the answers without an id a server sends to a message it could not read.
 */
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type InitializeResult,
  type Message,
  type MessageReader,
  type ProtocolConnection,
  type ResponseMessage,
  type RequestType,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { DeadlineError, withDeadline } from './deadline';
import { DiagnosticsLog, type DiagnosticsCheck, type PublishedDiagnostics } from './diagnosticsLog';
import { WholeMessageStdin, frameAll } from './rawInput';
import { ServerProcess, type ExitStatus, type ServerCommand } from './serverProcess';
import { capabilitiesFor, DEFAULT_TIMEOUT_MS, type SettingsBySection, type StartOptions } from './startOptions';

/** A running server and the client's side of the conversation. */
export class LspTestClient {
  readonly connection: ProtocolConnection;
  /** Every window/logMessage text, and those of type Error on their own. */
  readonly logs: string[] = [];
  readonly errorLogs: string[] = [];
  initializeResult!: InitializeResult;
  /** Wall-clock ms from before the spawn to the initialize result. */
  initializeMs = 0;
  /** Responses with `id: null`: a server's answers to messages it could not read (JSON-RPC parse errors). */
  readonly answersWithoutId: ResponseMessage[] = [];
  private readonly published = new DiagnosticsLog();
  private readonly stdin: WholeMessageStdin;
  private readonly answerWaiters = new Set<() => void>();
  private stopping = false;

  private constructor(
    private readonly server: ServerProcess,
    private readonly settings: () => SettingsBySection,
  ) {
    this.stdin = new WholeMessageStdin(server.child.stdin!);
    this.connection = createProtocolConnection(
      tapped(new StreamMessageReader(server.child.stdout!), (message) => this.tap(message)),
      new StreamMessageWriter(this.stdin),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.published.record(params));
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
      if (params.type === MessageType.Error) this.errorLogs.push(params.message);
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section ? (this.settings()[item.section] ?? null) : this.settings())),
    );
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    this.connection.listen();
    server.died.catch((error: Error) => this.stopping || this.published.failAll(error));
  }

  /** Spawns the server and completes initialize/initialized; a server that fails to start is killed. */
  static async start(command: ServerCommand, options: StartOptions = {}): Promise<LspTestClient> {
    const started = performance.now();
    const given = options.settings;
    const client = new LspTestClient(
      new ServerProcess(command),
      typeof given === 'function' ? given : () => given ?? {},
    );
    options.onSpawn?.(client.child);
    try {
      await client.initialize(options, started);
      return client;
    } catch (error) {
      client.kill();
      throw error;
    }
  }

  private async initialize(options: StartOptions, started: number): Promise<void> {
    const params = {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      locale: options.locale ?? 'en',
      capabilities: capabilitiesFor(options),
      initializationOptions: options.initializationOptions,
    };
    this.initializeResult = await this.bounded(
      this.connection.sendRequest(InitializeRequest.type, params),
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      'initialize result',
    );
    this.initializeMs = performance.now() - started;
    await this.connection.sendNotification(InitializedNotification.type, {});
    if (options.settings)
      await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: this.settings() });
  }

  /** The server process (its pid, exit code). */
  get child(): ChildProcess {
    return this.server.child;
  }

  /** Resolves when the server process has ended. */
  get exited(): Promise<ExitStatus> {
    return this.server.exited;
  }

  /** What the server wrote to stderr (its last 256 KB). */
  stderr(): string {
    return this.server.stderr();
  }

  /** Peak resident set size of the server in bytes (Linux), undefined once it is gone. */
  peakRssBytes(): number | undefined {
    return this.server.peakRssBytes();
  }

  /** textDocument/didOpen. */
  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  /** textDocument/didChange: whole-text (`{ text }`) or ranged changes. */
  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges,
    });
  }

  /** textDocument/didClose. */
  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /**
   * Writes `bytes` to the server's stdin in one write, never inside another message; resolves once written.
   * For what the connection cannot send: broken headers, unparsable bodies, many messages in one write.
   */
  writeRaw(bytes: Buffer | string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    return this.bounded(this.stdin.raw(bytes), timeoutMs, 'write to stdin');
  }

  /** Sends these notifications framed back to back in one write (a burst the server reads in one chunk). */
  notifyInOneWrite(notifications: { method: string; params?: unknown }[]): Promise<void> {
    return this.writeRaw(frameAll(notifications.map((n) => ({ jsonrpc: '2.0', ...n }))));
  }

  /** The next response with `id: null` (or one already received when `index` is below their count). */
  answerWithoutId(index = this.answersWithoutId.length, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ResponseMessage> {
    const arrived = new Promise<ResponseMessage>((resolve) => {
      const check = () => {
        if (index >= this.answersWithoutId.length) return;
        this.answerWaiters.delete(check);
        resolve(this.answersWithoutId[index]);
      };
      this.answerWaiters.add(check);
      check();
    });
    return this.bounded(arrived, timeoutMs, 'answer without an id');
  }

  /** Every publishDiagnostics for `uri` since the mark `since` (see mark()), in order (of the last 1,000 kept). */
  publishedSince(uri: string, since: number): PublishedDiagnostics[] {
    return this.published.since(uri, since);
  }

  /** A mark in the diagnostics received so far: pass it as `since` to wait for what an edit sent after it causes. */
  mark(): number {
    return this.published.mark();
  }

  /**
   * The first diagnostics published for `uri` that `accept` takes (default: any), among those after `since`
   * (default: from now on; 0: since the start). Rejects with a DeadlineError after `timeoutMs` (default 30 s).
   */
  diagnostics(
    uri: string,
    accept: DiagnosticsCheck = () => true,
    options: { since?: number; timeoutMs?: number } = {},
  ): Promise<PublishedDiagnostics> {
    const ms = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return this.published.wait(uri, accept, options.since ?? this.mark(), ms, () =>
      this.deadlineError(`diagnostics of ${uri}`, ms),
    );
  }

  /** Sends a request (typed, or by method name) and rejects with a DeadlineError when no answer comes in time. */
  request<P, R>(type: RequestType<P, R, unknown>, params: P, timeoutMs?: number): Promise<R>;
  request<R>(method: string, params: unknown, timeoutMs?: number): Promise<R>;
  request<R>(type: string | { method: string }, params: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<R> {
    const method = typeof type === 'string' ? type : type.method;
    const sent: Promise<R> =
      params === undefined ? this.connection.sendRequest(method) : this.connection.sendRequest(method, params);
    return this.bounded(sent, timeoutMs, method);
  }

  /** shutdown + exit, then waits for the process (killing it if it lingers); resolves with its exit code. */
  async stop(timeoutMs = 5000): Promise<number | null> {
    this.stopping = true;
    this.published.abandonAll();
    try {
      await this.request(ShutdownRequest.method, undefined, timeoutMs);
      await this.connection.sendNotification(ExitNotification.type);
      await this.bounded(this.server.exited, timeoutMs, 'exit');
    } catch {
      // A server that does not shut down politely is killed below: it must not outlive the test.
    } finally {
      this.kill();
    }
    return this.server.child.exitCode;
  }

  /** Ends the process at once (SIGKILL), as a crash would, and drops the connection. */
  kill(): void {
    this.connection.dispose();
    this.server.kill();
  }

  private tap(message: Message): void {
    const response = message as ResponseMessage;
    if (!('method' in message) && 'id' in message && response.id === null) {
      this.answersWithoutId.push(response);
      for (const check of [...this.answerWaiters]) check();
    }
  }

  private bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    return withDeadline(promise, ms, () => this.deadlineError(what, ms), this.server.died);
  }

  private deadlineError(what: string, ms: number): DeadlineError {
    return new DeadlineError(`${this.server.name}: no ${what} within ${ms} ms; stderr: ${this.stderr().slice(-800)}`);
  }
}

/** `reader`, with `tap` seeing each message before the connection does. */
function tapped(reader: MessageReader, tap: (message: Message) => void): MessageReader {
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    listen: (callback) =>
      reader.listen((message) => {
        tap(message);
        callback(message);
      }),
    dispose: () => reader.dispose(),
  };
}
