/**
 * Shared set-up of the client tests: an in-process emulator on 127.0.0.1 (port 0), the fixture document, and
 * clients, histories and pollers with short delays. Tests wait for records to settle (events), never for time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runSubmit } from '../../../cli/submit';
import { startEmulator } from '../../../emulator';
import type { EmulatorOptions, RunningEmulator } from '../../../emulator';
import { checkText } from '../../../language';
import type { SubmittableDocument } from '../../../cloud/plan';
import { MemoryStore, TaskHistory, whenRecord } from '../../../cloud/history';
import { MemoryLog } from '../../../cloud/log';
import { TaskPoller, TaskPollerOptions } from '../../../cloud/taskPoller';
import type { SubmissionRecord } from '../../../cloud/submissionRecord';
import { VpcClient, VpcClientOptions } from '../../../cloud/tcClient';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/client');
export const FAST_BACKOFF = { initialMs: 10, maxMs: 100, factor: 2 };

/** The official example's text with `overrides` applied (PreShareKey "fixture-psk-6325ac"). */
export function exampleText(overrides: Record<string, unknown> = {}): string {
  const text = fs.readFileSync(path.join(FIXTURES, 'example.vpnconn.json'), 'utf8');
  return JSON.stringify({ ...JSON.parse(text), ...overrides }, null, 2);
}

/** The official example as a submittable document, read by the language library's pipeline like a submit reads it. */
export function exampleDocument(overrides: Record<string, unknown> = {}): SubmittableDocument {
  // Not refused for findings: some tests send what the service must reject.
  const check = checkText(exampleText(overrides), 'json', 'file:///example.vpnconn.json', {
    lang: 'en',
    disabledRules: [],
  });
  const [{ index, name, params, region, vpnGatewayId, customerGatewayId }] = check.parts;
  return { index, name, params: params!, region, vpnGatewayId, customerGatewayId };
}

/** An emulator with short task and state delays; close it in after(). */
export function fastEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, taskDelayMs: 50, stateDelayMs: 50, ...options });
}

/** A client for the emulator with its seeded key pair (overridable). */
export function emulatorClient(
  emulator: RunningEmulator,
  log = new MemoryLog(),
  overrides: Partial<VpcClientOptions> = {},
): VpcClient {
  return new VpcClient({
    credentials: emulator.credentials[0],
    region: 'ap-guangzhou',
    endpoint: emulator.url,
    language: 'en-US',
    timeoutSeconds: 5,
    log,
    backoff: FAST_BACKOFF,
    ...overrides,
  });
}

/** A history, and a poller over it that polls fast and uses `client` for every region. */
export function pollerFor(
  client: VpcClient,
  history = new TaskHistory(new MemoryStore()),
  overrides: Partial<TaskPollerOptions> = {},
): { history: TaskHistory; poller: TaskPoller } {
  const poller = new TaskPoller({
    history,
    clientFor: async () => client,
    log: new MemoryLog(),
    intervalMs: 10,
    backoff: FAST_BACKOFF,
    maxLookups: 4,
    ...overrides,
  });
  return { history, poller };
}

/** Resolves once the record is no longer running. */
export async function settled(history: TaskHistory, id: string): Promise<SubmissionRecord> {
  const record = await whenRecord(history, id, (current) => current.status !== 'running');
  if (!record) throw new Error(`record ${id} was removed`);
  return record;
}

/** The emulator's state as its control endpoint reports it (an independent view of what was created). */
export async function emulatorState(
  emulator: RunningEmulator,
): Promise<{ connections: Record<string, unknown>[]; tasks: Record<string, unknown>[] }> {
  const response = await fetch(`${emulator.url}/__emulator/state`, {
    headers: { authorization: `Bearer ${emulator.controlToken}` },
  });
  return (await response.json()) as { connections: Record<string, unknown>[]; tasks: Record<string, unknown>[] };
}

/** Connections in the emulator named `name`. */
export async function connectionsNamed(emulator: RunningEmulator, name: string): Promise<Record<string, unknown>[]> {
  return (await emulatorState(emulator)).connections.filter((connection) => connection.VpnConnectionName === name);
}

/** Runs `tcvpn submit` in-process with stdout and stderr captured. */
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const realOut = process.stdout.write.bind(process.stdout);
  const realErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    const code = await runSubmit(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
  }
}
