/**
 * Diagnostics are background work (issue 14, server/diagnosticsPublisher.ts): a burst of changes costs one
 * validation and one publish of the newest version, and during a flood of changes to one YAML document, hover and
 * completion on another are answered before the queued validations.
 *
 * The latency bounds only catch starvation (a request waiting behind every validation of the flood took seconds);
 * they are not speed claims. The measured p50/p95/max are printed for the record.
 */
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import {
  CompletionRequest,
  HoverRequest,
  type CompletionItem,
  type CompletionList,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { fixtureText } from '../support/fixtures';
import { startOurServer, type LspTestClient } from '../support/lsp';

const FLOODED = 'file:///work/flooded.vpnconn.yaml';
const OTHER = 'file:///work/other.vpnconn.yaml';
const LANGUAGE = 'tencentcloud-vpn-yaml';
/** A request during the flood that takes longer than this is starved, not slow. */
const STARVED_MS = 10_000;

/** Nearest-rank percentile of `values` (ms). */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(name: string, values: number[]): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return `${name} n=${values.length} p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, max ${ms(Math.max(...values))}`;
}

/** A didChange notification as raw JSON-RPC, for notifyInOneWrite. */
function didChange(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]) {
  return { method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges } };
}

/** Where `key: value` is on its line in `text`: the line, and the columns of the value. */
function valueOf(text: string, key: string): { line: number; start: number; end: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.trimStart().startsWith(`${key}:`));
  const start = lines[line].indexOf(':') + 2;
  return { line, start, end: lines[line].length };
}

/** Opens `uri` and waits for its first diagnostics. */
async function openAndWait(server: LspTestClient, uri: string, text: string): Promise<void> {
  const published = server.diagnostics(uri);
  await server.open(uri, LANGUAGE, text);
  await published;
}

describe('language server: diagnostics coalesced, requests first (issue 14)', function () {
  this.timeout(60000);
  let server: LspTestClient | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('200 changes in one write: exactly one publish for the burst, for the newest version and text', async () => {
    server = await startOurServer();
    const text = fixtureText('typical', 'yaml');
    await openAndWait(server, FLOODED, text);
    // Each change rewrites the ExchangeMode value; only the last one is invalid.
    const { line, start } = valueOf(text, 'ExchangeMode');
    let length = 'MAIN'.length;
    const changes = Array.from({ length: 200 }, (_, i) => {
      const value = i === 199 ? 'NOT_A_MODE' : i % 2 === 0 ? 'AGGRESSIVE' : 'MAIN';
      const range = { start: { line, character: start }, end: { line, character: start + length } };
      length = value.length;
      return didChange(FLOODED, i + 2, [{ range, text: value }]);
    });
    const mark = server.mark();
    const newest = server.diagnostics(FLOODED, (p) => p.version === 201, { since: mark, timeoutMs: 10_000 });
    await server.notifyInOneWrite(changes);
    const { diagnostics } = await newest;
    // A straggler publish would come right after; give it time to show.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const published = server.publishedSince(FLOODED, mark);
    const versions = published.map((p) => p.version);
    const shown =
      versions.length <= 5 ? versions.join(', ') : `${versions.slice(0, 3).join(', ')} … ${versions.at(-1)}`;
    console.log(`      200 changes in one write: ${published.length} publish(es), versions ${shown}`);
    assert.deepEqual(
      published.map((p) => p.version),
      [201],
    );
    assert.ok(
      diagnostics.some((d) => d.code === 'InvalidParameterValue' && d.range.start.line === line),
      JSON.stringify(diagnostics.map((d) => [d.code, d.range.start.line])),
    );
  });

  it('a single change is still published without waiting (no debounce)', async () => {
    server = await startOurServer();
    const text = fixtureText('typical', 'yaml');
    await openAndWait(server, FLOODED, text);
    const { line, start } = valueOf(text, 'ExchangeMode');
    const latencies: number[] = [];
    for (let version = 2; version <= 21; version++) {
      const published = server.diagnostics(FLOODED, (p) => p.version === version, { timeoutMs: 5000 });
      const sent = performance.now();
      const value = version % 2 === 0 ? 'm' : 'M';
      await server.change(FLOODED, version, [
        { range: { start: { line, character: start }, end: { line, character: start + 1 } }, text: value },
      ]);
      latencies.push((await published).receivedAt - sent);
    }
    console.log(`      ${summary('one change → its publish:', latencies)}`);
    assert.ok(Math.max(...latencies) < 2000, summary('publish latency', latencies));
  });

  for (const shape of ['40 writes of 50 changes', 'one write per change'] as const) {
    it(`during 2,000 changes to a 500-entry YAML file (${shape}), hover and completion on another are answered`, async () => {
      server = await startOurServer();
      const client = server;
      const flooded = fixtureText('medium', 'yaml');
      const other = fixtureText('typical', 'yaml');
      await openAndWait(client, FLOODED, flooded);
      await openAndWait(client, OTHER, other);
      const mode = valueOf(other, 'ExchangeMode');
      const hoverAt = { line: mode.line, character: mode.start - 4 };
      const completeAt = { line: mode.line, character: mode.start };

      // Typing at the end of the first line: insert a character, delete it, 1,000 times.
      const name = valueOf(flooded, 'VpnConnectionName');
      const change = (version: number): TextDocumentContentChangeEvent =>
        version % 2 === 0
          ? { range: { start: { line: 0, character: name.end }, end: { line: 0, character: name.end } }, text: 'x' }
          : { range: { start: { line: 0, character: name.end }, end: { line: 0, character: name.end + 1 } }, text: '' };
      const LAST = 2001;
      const mark = client.mark();
      let flooding = true;
      const flood = (async () => {
        if (shape === '40 writes of 50 changes') {
          for (let first = 2; first <= LAST; first += 50) {
            const batch = Array.from({ length: 50 }, (_, i) => didChange(FLOODED, first + i, [change(first + i)]));
            await client.notifyInOneWrite(batch);
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
        } else {
          const sent: Promise<void>[] = [];
          for (let version = 2; version <= LAST; version++) {
            sent.push(client.change(FLOODED, version, [change(version)]));
            if (version % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
          }
          await Promise.all(sent);
        }
        flooding = false;
      })();

      const hovers: number[] = [];
      const completions: number[] = [];
      const answered: Promise<void>[] = [];
      const timed = async <T>(into: number[], request: () => Promise<T>, check: (result: T) => void) => {
        const sent = performance.now();
        const result = await request();
        into.push(performance.now() - sent);
        check(result);
      };
      do {
        answered.push(
          timed(
            hovers,
            () => client.request(HoverRequest.type, { textDocument: { uri: OTHER }, position: hoverAt }, STARVED_MS),
            (hover) => assert.ok(hover, 'a hover'),
          ),
          timed(
            completions,
            () =>
              client.request(
                CompletionRequest.type,
                { textDocument: { uri: OTHER }, position: completeAt },
                STARVED_MS,
              ),
            (list) => {
              const items = Array.isArray(list) ? list : ((list as CompletionList | null)?.items ?? []);
              assert.ok(
                items.some((item: CompletionItem) => item.label === 'AGGRESSIVE'),
                'ExchangeMode values',
              );
            },
          ),
        );
        await new Promise((resolve) => setTimeout(resolve, 5));
      } while (flooding);
      await flood;
      await Promise.all(answered);
      const newest = await client.diagnostics(FLOODED, (p) => p.version === LAST, { since: mark, timeoutMs: 20_000 });
      const publishes = client.publishedSince(FLOODED, mark).length;
      console.log(`      ${summary('hover:', hovers)}`);
      console.log(`      ${summary('completion:', completions)}`);
      console.log(
        `      2,000 changes: ${publishes} publish(es) of the flooded file, the last for version ${newest.version}`,
      );
      assert.ok(Math.max(...hovers, ...completions) < STARVED_MS);
      assert.ok(publishes < 200, `${publishes} publishes for 2,000 changes: not coalesced`);
    });
  }
});
