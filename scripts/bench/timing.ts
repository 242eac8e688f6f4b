/**
 * The benchmark's measurement points, on the shared LSP test client (test/support/lsp): spawn→initialize result,
 * an action until the diagnostics it causes arrive (their arrival time is taken in the notification handler), and
 * a request until its answer. Every server is started the same way, as an ordinary editor would.
 */
import { performance } from 'node:perf_hooks';
import { EDITOR_CAPABILITIES, LspTestClient, type DiagnosticsCheck } from '../../test/support/lsp';
import { track } from './processes';
import type { ServerSpec } from './servers';

/** Spawns and initializes a server; `initializeMs` is spawn→initialize result, wall clock. */
export async function startServer(
  spec: ServerSpec,
  timeoutMs: number,
): Promise<{ client: LspTestClient; initializeMs: number }> {
  const options = {
    capabilities: EDITOR_CAPABILITIES,
    settings: spec.settings,
    initializationOptions: spec.initializationOptions,
    timeoutMs,
    onSpawn: track,
  };
  const client = await LspTestClient.start(spec, options);
  return { client, initializeMs: client.initializeMs };
}

/** Runs `send` and resolves with the ms from just before it until diagnostics for `uri` that `accept` takes arrived. */
export async function timeDiagnostics(
  client: LspTestClient,
  uri: string,
  accept: DiagnosticsCheck,
  send: () => Promise<void>,
  timeoutMs: number,
): Promise<number> {
  const since = client.mark();
  const started = performance.now();
  await send();
  const published = await client.diagnostics(uri, accept, { since, timeoutMs });
  return published.receivedAt - started;
}

/** Sends one request and resolves with its answer and its round-trip time in ms. */
export async function timeRequest<R>(
  client: LspTestClient,
  method: string,
  params: unknown,
  timeoutMs: number,
): Promise<{ ms: number; result: R }> {
  const started = performance.now();
  const result = await client.request<R>(method, params, timeoutMs);
  return { ms: performance.now() - started, result };
}

/** shutdown + exit with a short grace period, then SIGKILL whatever is left. */
export function stopServer(client: LspTestClient): Promise<unknown> {
  return client.stop(3000);
}
