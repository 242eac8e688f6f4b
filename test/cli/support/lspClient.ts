/**
 * A minimal real LSP client over stdio (vscode-languageserver-protocol's connection) for driving the standalone
 * server the way a non-VS Code editor would: initialize without VS Code's settings, open a document, wait for the
 * diagnostics it publishes, then shut down and exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  DidOpenTextDocumentNotification,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';

export interface LspSession {
  connection: ProtocolConnection;
  initializeResult: InitializeResult;
  /** Resolves with the first non-empty diagnostics published for `uri` (earlier empty ones are ignored). */
  diagnosticsFor(uri: string): Promise<PublishDiagnosticsParams>;
  open(uri: string, languageId: string, text: string): void;
  /** shutdown + exit; resolves with the process exit code. */
  stop(): Promise<number | null>;
  stderr(): string;
}

/** Spawns `command args` and initializes it as a client without workspace/configuration support would. */
export async function startLanguageServer(command: string, args: string[], cwd: string, initializationOptions?: unknown): Promise<LspSession> {
  const child: ChildProcess = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<() => void> = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    waiters.splice(0).forEach((wake) => wake());
  });
  connection.listen();
  const failedStart = exited.then((code) => Promise.reject(new Error(`server exited with ${code} during start: ${stderr}`)));
  const initializeResult = await Promise.race([
    connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions, workspaceFolders: null }),
    failedStart,
  ]);
  void failedStart.catch(() => undefined);
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    initializeResult,
    diagnosticsFor(uri) {
      return new Promise((resolve) => {
        const check = () => {
          const found = published.find((params) => params.uri === uri && params.diagnostics.length > 0);
          if (found) resolve(found);
          else waiters.push(check);
        };
        check();
      });
    },
    open(uri, languageId, text) {
      void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    },
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      const code = await exited;
      connection.dispose();
      return code;
    },
    stderr: () => stderr,
  };
}
