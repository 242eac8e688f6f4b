/**
 * Is a server ever blocked by a large document? Two rows per JSON server (issue 15, "never blocked"): hovers on
 * the small typical file, sent one after the other, (1) from the open of a 5 MB JSON file until its diagnostics
 * arrive, and (2) from the first of 2,000 one-character changes to the 5 MB file until the diagnostics of the
 * last one arrive. Each hover's round trip is a sample: a server that validates on the thread that answers
 * requests makes each hover wait for the validation under way.
 *
 * The JSON peer is measured the same way for (1). For (2) it is not: it parses every version on every change
 * (2,000 parses of 5 MB, about an hour), so the row says n/a for it.
 */
import { performance } from 'node:perf_hooks';
import type { Position } from 'vscode-languageserver-protocol/node';
import { exampleWithSpd, fixtureText, render } from '../../test/support/fixtures';
import type { LspTestClient } from '../../test/support/lsp';
import type { BenchServer } from './servers';
import { summarize, type Summary } from './stats';
import type { Metric } from './targets';
import { startServer, stopServer, timeDiagnostics } from './timing';

/** 35,000 SPD entries: 4.8 MiB of pretty-printed JSON, just under our 5 MiB analysis limit. */
const HUGE_ENTRIES = 35_000;
const FLOOD_CHANGES = 2000;

/** How many 5 MB opens, and how long the whole measurement of one server may take. */
export interface BlockingPlan {
  opens: number;
  timeoutMs: number;
}

interface Files {
  huge: string;
  small: string;
  /** On the key ExchangeMode of the small file. */
  hover: Position;
  /** The first digit of "3DES-CBC" in the huge file. */
  digit: Position;
}

function files(): Files {
  const huge = render(exampleWithSpd(HUGE_ENTRIES), 'json');
  const small = fixtureText('typical', 'json');
  const lineOf = (text: string, key: string) => text.split('\n').findIndex((line) => line.includes(`"${key}"`));
  const hoverLine = lineOf(small, 'ExchangeMode');
  const digitLine = lineOf(huge, 'EncryptAlgorithm');
  return {
    huge,
    small,
    hover: { line: hoverLine, character: small.split('\n')[hoverLine].indexOf('ExchangeMode') + 3 },
    digit: { line: digitLine, character: huge.split('\n')[digitLine].indexOf('3DES') },
  };
}

/** Sends hovers on the small file one after the other until `done` settles; returns each round trip in ms. */
async function hoverUntil(client: LspTestClient, uri: string, at: Position, done: Promise<unknown>): Promise<number[]> {
  let settled = false;
  void done.then(
    () => (settled = true),
    () => (settled = true),
  );
  const samples: number[] = [];
  do {
    const started = performance.now();
    await client.request('textDocument/hover', { textDocument: { uri }, position: at });
    samples.push(performance.now() - started);
  } while (!settled);
  await done;
  return samples;
}

/** The two rows of one server; the flood row only for ours (see the file comment). */
export async function measureBlocking(
  server: BenchServer,
  plan: BlockingPlan,
): Promise<Partial<Record<Metric, Summary>>> {
  const f = files();
  const { client } = await startServer(server.spec, plan.timeoutMs);
  const languageId = server.languageId('json');
  const small = 'file:///tcvpn-bench/blocking/small.vpnconn.json';
  try {
    await timeDiagnostics(
      client,
      small,
      () => true,
      () => client.open(small, languageId, f.small),
      plan.timeoutMs,
    );
    await client.request('textDocument/hover', { textDocument: { uri: small }, position: f.hover });
    const whileValidating: number[] = [];
    for (let i = 0; i < plan.opens; i++) {
      const uri = `file:///tcvpn-bench/blocking/huge-${i}.vpnconn.json`;
      // A different name in each round: no parse of an earlier round can be reused.
      const text = f.huge.replace('"TEST_CONN"', `"TEST_CONN_${i}"`);
      const since = client.mark();
      await client.open(uri, languageId, text);
      const published = client.diagnostics(uri, () => true, { since, timeoutMs: plan.timeoutMs });
      whileValidating.push(...(await hoverUntil(client, small, f.hover, published)));
      if (i < plan.opens - 1) await client.close(uri);
    }
    const out: Partial<Record<Metric, Summary>> = { hoverWhileValidating: summarize(whileValidating) };
    if (server.id === 'ours') out.hoverDuringFlood = summarize(await flood(client, f, plan, plan.opens - 1));
    return out;
  } finally {
    await stopServer(client);
  }
}

/** 2,000 changes of one digit of the open 5 MB file, written without waiting, and hovers until the last is published. */
async function flood(client: LspTestClient, f: Files, plan: BlockingPlan, round: number): Promise<number[]> {
  const uri = `file:///tcvpn-bench/blocking/huge-${round}.vpnconn.json`;
  const last = FLOOD_CHANGES + 1;
  const since = client.mark();
  const published = client.diagnostics(uri, (p) => p.version === last, { since, timeoutMs: plan.timeoutMs });
  const { line, character } = f.digit;
  const range = { start: { line, character }, end: { line, character: character + 1 } };
  const sent = (async () => {
    for (let version = 2; version <= last; version++) {
      await client.change(uri, version, [{ range, text: String(version % 10) }]);
      if (version % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  const samples = await hoverUntil(client, 'file:///tcvpn-bench/blocking/small.vpnconn.json', f.hover, published);
  await sent;
  return samples;
}
