/**
 * Never blocked (issue 15): a large document is validated in the server's worker thread
 * (server/largeDocuments.ts), so while a 5 MB file validates, requests on a small file are answered, and a
 * flood of changes to the large file ends with exactly the last version's diagnostics.
 *
 * No timing thresholds: the first test proves the order of events (a small file opened after the 5 MB one is
 * validated and answered before the 5 MB file's diagnostics arrive; validation on one thread runs one document
 * after the other, oldest first, so it could not be). The latencies are printed for the record; speed lives in
 * the benchmark (`npm run bench`, rows "hover while 5 MB validates" and "hover in 2,000-change flood"). The account
 * features of a large document work through the worker too: it answers from the account as plain data and the
 * main thread does the lookups it asked for (server/accountView.ts).
 */
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import {
  CodeActionRequest,
  CompletionRequest,
  HoverRequest,
  type CompletionList,
  type Diagnostic,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { AccountService } from '../../cloud/accountService';
import { WORKER_THRESHOLD } from '../../server/largeDocuments';
import type { RunningEmulator } from '../../emulator';
import { LocateResourceRequest, ResourcesRequest } from '../../protocol/messages';
import { exampleWithSpd, fixtureText, render } from '../support/fixtures';
import { startOurServer, type LspTestClient, type PublishedDiagnostics } from '../support/lsp';
import { emulatorClient, fastEmulator } from '../unit/client/helpers';

const LANGUAGE = 'tencentcloud-vpn-json';
const LARGE = 'file:///work/huge.vpnconn.json';
const SMALL = 'file:///work/small.vpnconn.json';
/** 35,000 SPD entries: 4.8 MiB of JSON, just under the 5 MiB analysis limit, so it is fully validated. */
const HUGE_ENTRIES = 35_000;

/** The huge file's text, and where the first digit of EncryptAlgorithm's value ("3DES-CBC") is. */
function hugeFile(): { text: string; digit: Position } {
  const text = render(exampleWithSpd(HUGE_ENTRIES), 'json');
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('"EncryptAlgorithm"'));
  return { text, digit: { line, character: lines[line].indexOf('3DES') } };
}

/** Where to hover and complete in the small file: on the key ExchangeMode, and at the start of its value. */
function smallFile(): { text: string; hover: Position; completion: Position } {
  const text = fixtureText('typical', 'json');
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('"ExchangeMode"'));
  const key = lines[line].indexOf('ExchangeMode');
  return {
    text,
    hover: { line, character: key + 3 },
    completion: { line, character: lines[line].indexOf('"MAIN"') + 1 },
  };
}

/** An error on `at`'s line whose range holds it. */
const reportsAt = (diagnostics: Diagnostic[], at: Position): boolean =>
  diagnostics.some(
    (d) =>
      d.severity === 1 &&
      d.range.start.line === at.line &&
      d.range.start.character <= at.character &&
      d.range.end.character > at.character,
  );

/** Diagnostics without what differs between two uris of one text (nothing, today; data carries no uri). */
const comparable = (diagnostics: Diagnostic[]): string =>
  JSON.stringify(diagnostics.map((d) => [d.range, d.severity, d.code, d.message]));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const summary = (values: number[]): string =>
  `n=${values.length}, p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;

/** What the server logged about the worker failing or being missing (nothing, when large files went to it). */
const workerTrouble = (server: LspTestClient): string[] =>
  server.logs.filter((line) => /validation worker|main thread/.test(line));

/** Opens `uri` and waits for its first diagnostics. */
async function openAndWait(server: LspTestClient, uri: string, text: string): Promise<PublishedDiagnostics> {
  const published = server.diagnostics(uri, () => true, { timeoutMs: 60_000 });
  await server.open(uri, LANGUAGE, text);
  return published;
}

describe('language server: a large document never blocks the others (issue 15)', function () {
  this.timeout(120_000);
  let server: LspTestClient | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('while a 5 MB file validates, a small file opened after it is validated, hovered and completed first', async () => {
    server = await startOurServer();
    const client = server;
    const small = smallFile();
    const huge = hugeFile();
    // The huge file as opened has one schema error: 3des-CBC (a known value in the wrong case: it has a fix).
    const lines = huge.text.split('\n');
    lines[huge.digit.line] = lines[huge.digit.line].replace('3DES', '3des');
    const opened = lines.join('\n');

    const mark = client.mark();
    const largeDiagnostics = client.diagnostics(LARGE, () => true, { since: mark, timeoutMs: 90_000 });
    await client.open(LARGE, LANGUAGE, opened);
    // Opened after the 5 MB file: on one thread it would wait for the 5 MB file's validation to end.
    const smallDiagnostics = await openAndWait(client, SMALL, small.text);
    const hover = await client.request(HoverRequest.type, { textDocument: { uri: SMALL }, position: small.hover });
    const completion = (await client.request(CompletionRequest.type, {
      textDocument: { uri: SMALL },
      position: small.completion,
    })) as CompletionList | null;
    const largeSoFar = client.publishedSince(LARGE, mark).length;
    // A code action on the 5 MB file waits for the worker, busy validating it; a hover on the small file does not
    // (on the main thread the code action would be answered first: it comes first and takes no parse).
    let codeActionAnswered = false;
    const earlyActions = client
      .request(CodeActionRequest.type, {
        textDocument: { uri: LARGE },
        range: { start: huge.digit, end: huge.digit },
        context: { diagnostics: [] },
      })
      .finally(() => (codeActionAnswered = true));
    const hoverBehind = await client.request(HoverRequest.type, {
      textDocument: { uri: SMALL },
      position: small.hover,
    });
    const answeredBeforeHover = codeActionAnswered;

    assert.equal(largeSoFar, 0, 'the 5 MB file was published before the small file was served');
    assert.ok(hoverBehind, 'the small file hovered while the code action waits');
    assert.equal(answeredBeforeHover, false, 'the code action on the 5 MB file ran on the main thread');
    assert.equal(smallDiagnostics.version, 1);
    assert.ok(hover && JSON.stringify(hover.contents).includes('ExchangeMode'), JSON.stringify(hover));
    assert.ok(
      completion?.items.some((item) => item.label === 'AGGRESSIVE'),
      'ExchangeMode values offered',
    );

    const { diagnostics, version } = await largeDiagnostics;
    assert.equal(version, 1);
    assert.ok(reportsAt(diagnostics, huge.digit), 'the 5 MB file gets its schema error (3des-CBC)');
    // Requests on the large file itself are answered too (by the worker, which holds its parse).
    const largeHover = await client.request(HoverRequest.type, {
      textDocument: { uri: LARGE },
      position: { line: huge.digit.line, character: 8 },
    });
    assert.ok(
      largeHover && JSON.stringify(largeHover.contents).includes('EncryptAlgorithm'),
      JSON.stringify(largeHover),
    );
    // Its quick fixes too: the schema error's fix, computed by the worker against the 5 MB text.
    assert.deepEqual(await earlyActions, []);
    const error = diagnostics.find((d) => reportsAt([d], huge.digit))!;
    const actions = await client.request(CodeActionRequest.type, {
      textDocument: { uri: LARGE },
      range: error.range,
      context: { diagnostics: [error] },
    });
    const edits = (actions ?? []).flatMap((action) =>
      'edit' in action ? Object.values(action.edit?.changes ?? {}).flat() : [],
    );
    const fixedLine = (edit: (typeof edits)[number]) => {
      const before = lines[edit.range.start.line];
      return `${before.slice(0, edit.range.start.character)}${edit.newText}${before.slice(edit.range.end.character)}`;
    };
    assert.ok(
      edits.some((edit) => edit.range.start.line === huge.digit.line && fixedLine(edit).includes('"3DES-CBC"')),
      JSON.stringify(actions),
    );
    assert.deepEqual(workerTrouble(client), [], 'validated in the worker, not on the main thread');
  });

  it('a 2,000-change flood of the 5 MB file ends with exactly the last version’s diagnostics; the small file is served meanwhile', async () => {
    server = await startOurServer();
    const client = server;
    const small = smallFile();
    const huge = hugeFile();
    await openAndWait(client, SMALL, small.text);
    await openAndWait(client, LARGE, huge.text);

    // Each change rewrites the digit of "3DES-CBC": 0–9 in turn; only 3 is valid. The last one (version 2001) is 2.
    const { line, character } = huge.digit;
    const LAST = 2001;
    const digitOf = (version: number) => String((version + 1) % 10);
    const mark = client.mark();
    let settled = false;
    const lastPublished = client.diagnostics(LARGE, (p) => p.version === LAST, { since: mark, timeoutMs: 90_000 });
    void lastPublished.then(
      () => (settled = true),
      () => (settled = true),
    );
    const flood = (async () => {
      for (let version = 2; version <= LAST; version++) {
        const range = { start: { line, character }, end: { line, character: character + 1 } };
        await client.change(LARGE, version, [{ range, text: digitOf(version) }]);
        if (version % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    // Hovers on the small file, one after the other, from the first change until the last version is published.
    const hovers: number[] = [];
    do {
      const sent = performance.now();
      const hover = await client.request(HoverRequest.type, { textDocument: { uri: SMALL }, position: small.hover });
      hovers.push(performance.now() - sent);
      assert.ok(hover, 'a hover on the small file during the flood');
    } while (!settled);
    await flood;
    const last = await lastPublished;
    // Whatever else is still running or queued in the worker is older: one more round trip through the
    // publisher (a small file's diagnostics) lets a straggler show before the log is read.
    await openAndWait(client, 'file:///work/after.vpnconn.json', small.text);
    const versions = client.publishedSince(LARGE, mark).map((p) => p.version ?? 0);
    console.log(`      hover on the small file during the flood: ${summary(hovers)}`);
    console.log(
      `      2,000 changes: ${versions.length} publish(es) of the 5 MB file, versions ${versions.join(', ')}`,
    );

    assert.equal(digitOf(LAST), '2');
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      'published in version order',
    );
    assert.equal(versions.at(-1), LAST, 'the last publish is the last version');
    assert.ok(reportsAt(last.diagnostics, huge.digit), '2DES-CBC is reported');
    // Exactly the last version's diagnostics: the same as a fresh open of the final text gives.
    const finalLines = huge.text.split('\n');
    finalLines[line] = `${finalLines[line].slice(0, character)}2${finalLines[line].slice(character + 1)}`;
    const reference = await openAndWait(client, 'file:///work/reference.vpnconn.json', finalLines.join('\n'));
    assert.equal(comparable(last.diagnostics), comparable(reference.diagnostics));
  });
});

describe('language server: account features of a large document, in the worker (issue 15)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let server: LspTestClient | undefined;
  before(async () => {
    emulator = await fastEmulator();
  });
  after(() => emulator.close());
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('a 100 KB YAML file gets the account warning: the worker asks, the main thread looks up, the worker re-checks', async () => {
    server = await startOurServer({ initializationOptions: { accountResources: true } });
    const client = server;
    const account = new AccountService({
      credentials: async () => ({ ...emulator.credentials[0], source: 'environment' }),
      clientFor: async (region) => emulatorClient(emulator, undefined, { region }),
      regionSetting: () => 'ap-guangzhou',
      searchRegions: ['ap-shanghai', 'ap-guangzhou'],
    });
    const calls: string[] = [];
    client.connection.onRequest(ResourcesRequest.type, (params) => {
      calls.push(`resources ${params.region ?? '(default)'}`);
      return account.resources(params.region);
    });
    client.connection.onRequest(LocateResourceRequest.type, async (params) => {
      calls.push(`locate ${params.id}`);
      return { region: await account.locate(params.kind, params.id, params.except) };
    });
    // Over the 64 KB from which YAML goes to the worker: the gateway of Guangzhou named in a Shanghai file, then
    // comments.
    const text = `Region: ap-shanghai\nVpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-sh7b2k5x\nVpcId: vpc-s7d2q8wn\n${'# padding padding padding padding padding padding padding padding padding\n'.repeat(1400)}`;
    assert.ok(text.length > 100_000 && text.length >= WORKER_THRESHOLD.yaml, 'the file is one the worker serves');
    const uri = 'file:///work/large-account.vpnconn.yaml';
    const warned = client.diagnostics(
      uri,
      (p) => p.diagnostics.some((d) => /exists in ap-guangzhou/.test(String(d.message))),
      {
        timeoutMs: 30_000,
      },
    );
    await client.open(uri, 'tencentcloud-vpn-yaml', text);
    const { diagnostics } = await warned;
    assert.ok(
      diagnostics.some(
        (d) =>
          d.message === 'VPN gateway vpngw-1w9tue3d does not exist in ap-shanghai; it exists in ap-guangzhou.' &&
          d.range.start.line === 1,
      ),
      JSON.stringify(diagnostics.map((d) => d.message)),
    );
    assert.ok(calls.includes('resources ap-shanghai') && calls.includes('locate vpngw-1w9tue3d'), calls.join());
    assert.deepEqual(workerTrouble(client), [], 'validated in the worker, not on the main thread');
  });
});
