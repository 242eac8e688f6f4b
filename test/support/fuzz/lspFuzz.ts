/**
 * The fuzz over stdio: the built server (`node dist/server.js --stdio`) gets the same random edits as the
 * in-process fuzz, as incremental didChange notifications, and after each one must publish diagnostics for the
 * new version and answer completion, hover, documentSymbol and formatting, each within the hang bound. Error
 * logs (a handler's exception, an unhandled rejection) and an exited process count as crashes.
 */
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { randomEdit } from './edits';
import { fromVersion, LspTestClient, type ServerCommand } from '../lsp';
import { meaningChange } from './meaning';
import { Prng } from './prng';
import type { FuzzFailure, FuzzFixture, FuzzReport } from './serviceFuzz';

export interface LspFuzzOptions {
  seed: number;
  iterations: number;
  fixtures: FuzzFixture[];
  server: ServerCommand;
  hangMs: number;
  resetEvery?: number;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Runs the fuzz against one server process; the server is stopped (or killed) at the end. */
export async function runLspFuzz(options: LspFuzzOptions): Promise<FuzzReport & { serverAlive: boolean }> {
  const prng = new Prng(options.seed);
  const report: FuzzReport = { seed: options.seed, iterations: 0, failures: [], slowest: {}, meaningChecks: 0 };
  const driver = await LspTestClient.start(options.server, { settings: { tencentcloudVpn: {} } });
  let alive = true;
  let serverAlive = true;
  void driver.exited.then(() => (alive = false));
  const docs = options.fixtures.map((fixture, i) => ({
    fixture,
    uri: `file:///fuzz/${i}/${fixture.name}`,
    doc: TextDocument.create('', '', 0, ''),
    edits: 0,
  }));
  for (const entry of docs) {
    entry.doc = TextDocument.create(entry.uri, languageIdOf(entry.fixture), 1, entry.fixture.text);
    await driver.open(entry.uri, entry.doc.languageId, entry.fixture.text, 1);
  }
  try {
    for (let iteration = 0; iteration < options.iterations && alive; iteration++) {
      report.iterations++;
      const entry = docs[iteration % docs.length];
      const fail = (feature: string, problem: string) =>
        report.failures.push({
          iteration,
          fixture: entry.fixture.name,
          feature,
          problem,
          edits: [{ offset: 0, length: 0, text: entry.doc.getText() }],
        } satisfies FuzzFailure);
      const logsBefore = driver.errorLogs.length;
      await applyRandomChange(driver, entry, prng, options.resetEvery ?? 25);
      await exercise(driver, entry.doc, entry.fixture.kind, prng, options.hangMs, report, fail);
      driver.errorLogs.slice(logsBefore).forEach((line) => fail('server log', line.slice(0, 2000)));
    }
  } finally {
    serverAlive = alive;
    if (!alive)
      report.failures.push({
        iteration: report.iterations,
        fixture: '-',
        feature: 'process',
        problem: `server exited: ${driver.stderr().slice(-2000)}`,
        edits: [],
      });
    await driver.stop();
  }
  return { ...report, serverAlive };
}

function languageIdOf(fixture: FuzzFixture): string {
  return fixture.kind === 'json' ? 'tencentcloud-vpn-json' : 'tencentcloud-vpn-yaml';
}

async function applyRandomChange(
  driver: LspTestClient,
  entry: { fixture: FuzzFixture; uri: string; doc: TextDocument; edits: number },
  prng: Prng,
  resetEvery: number,
): Promise<void> {
  const version = entry.doc.version + 1;
  if (++entry.edits > resetEvery) {
    entry.edits = 0;
    entry.doc = TextDocument.create(entry.uri, entry.doc.languageId, version, entry.fixture.text);
    return driver.change(entry.uri, version, [{ text: entry.fixture.text }]);
  }
  const old = entry.doc;
  const edit = randomEdit(prng, old.getText(), entry.fixture.kind);
  // JSON-RPC carries UTF-8: a lone surrogate arrives as U+FFFD, so the local copy makes the same substitution.
  edit.text = edit.text.replace(LONE_SURROGATE, '\uFFFD');
  const range = { start: old.positionAt(edit.offset), end: old.positionAt(edit.offset + edit.length) };
  // The server applies the change by position, as the same library does here: an offset inside a CRLF pair maps
  // to a position before it on both sides, so the two copies of the text stay identical.
  entry.doc = TextDocument.update(
    TextDocument.create(entry.uri, old.languageId, old.version, old.getText()),
    [{ range, text: edit.text }],
    version,
  );
  return driver.change(entry.uri, version, [{ range, text: edit.text }]);
}

async function timedRequest<T>(
  feature: string,
  hangMs: number,
  report: FuzzReport,
  fail: (f: string, p: string) => void,
  call: () => Promise<T>,
): Promise<T | undefined> {
  const started = performance.now();
  try {
    return await call();
  } catch (error) {
    fail(feature, error instanceof Error ? error.message : String(error));
    return undefined;
  } finally {
    report.slowest[feature] = Math.max(report.slowest[feature] ?? 0, performance.now() - started);
  }
}

async function exercise(
  driver: LspTestClient,
  doc: TextDocument,
  kind: 'json' | 'yaml',
  prng: Prng,
  hangMs: number,
  report: FuzzReport,
  fail: (f: string, p: string) => void,
): Promise<void> {
  const mark = driver.mark();
  const textDocument = { uri: doc.uri };
  const at = () => doc.positionAt(prng.int(doc.getText().length + 1));
  await timedRequest('diagnostics', hangMs, report, fail, () =>
    driver.diagnostics(doc.uri, fromVersion(doc.version), { since: mark, timeoutMs: hangMs }),
  );
  await timedRequest('completion', hangMs, report, fail, () =>
    driver.request('textDocument/completion', { textDocument, position: at() }, hangMs),
  );
  await timedRequest('hover', hangMs, report, fail, () =>
    driver.request('textDocument/hover', { textDocument, position: at() }, hangMs),
  );
  await timedRequest('symbols', hangMs, report, fail, () =>
    driver.request('textDocument/documentSymbol', { textDocument }, hangMs),
  );
  const edits = await timedRequest('formatting', hangMs, report, fail, () =>
    driver.request<TextEdit[] | null>(
      'textDocument/formatting',
      { textDocument, options: { tabSize: 2, insertSpaces: true } },
      hangMs,
    ),
  );
  if (!edits?.length) return;
  const formatted = TextDocument.applyEdits(doc, edits);
  report.meaningChecks++;
  const change = meaningChange(doc.getText(), formatted, kind);
  if (change) fail('formatting', change);
}
