/**
 * The in-process fuzz of the language service: random edits of fixture files, each followed by every feature
 * (diagnostics, completion, hover, symbols, folding, formatting, code actions). It records, never throws:
 * exceptions, answers slower than the hang bound, malformed answers and formatting that changed a document's
 * meaning. The CI test and scripts/fuzz.ts share it; a failure names the seed and iteration to replay.
 */
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { createLanguageService, type VpnLanguageService } from '../../../language/languageService';
import { applyEdit, randomEdit, type TextEditAt } from './edits';
import { meaningChange } from './meaning';
import { Prng } from './prng';

export interface FuzzFixture {
  name: string;
  kind: 'json' | 'yaml';
  text: string;
}

export interface FuzzOptions {
  seed: number;
  iterations: number;
  fixtures: FuzzFixture[];
  /** Start again from the fixture after this many edits, so documents stay near-valid (default 25). */
  resetEvery?: number;
  /** An answer slower than this is reported as a hang (ms). */
  hangMs: number;
}

export interface FuzzFailure {
  iteration: number;
  fixture: string;
  feature: string;
  problem: string;
  /** The edits since the last reset, enough to rebuild the text. */
  edits: TextEditAt[];
}

export interface FuzzReport {
  seed: number;
  iterations: number;
  failures: FuzzFailure[];
  /** Slowest answer per feature (ms). */
  slowest: Record<string, number>;
  /** Formatting checks made on documents that parsed (the others have no meaning to keep). */
  meaningChecks: number;
}

const LANGUAGE_IDS = { json: ['tencentcloud-vpn-json', 'json'], yaml: ['tencentcloud-vpn-yaml', 'yaml'] } as const;

/** Runs the fuzz; the report lists every failure (an empty list is the pass). */
export function runServiceFuzz(options: FuzzOptions): FuzzReport {
  const prng = new Prng(options.seed);
  const service = createLanguageService();
  const report: FuzzReport = {
    seed: options.seed,
    iterations: options.iterations,
    failures: [],
    slowest: {},
    meaningChecks: 0,
  };
  const state = options.fixtures.map((fixture) => ({
    fixture,
    text: fixture.text,
    edits: [] as TextEditAt[],
    version: 0,
  }));
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    const current = state[iteration % state.length];
    if (current.edits.length >= (options.resetEvery ?? 25))
      Object.assign(current, { text: current.fixture.text, edits: [] });
    const edit = randomEdit(prng, current.text, current.fixture.kind);
    current.text = applyEdit(current.text, edit);
    current.edits.push({ offset: edit.offset, length: edit.length, text: edit.text });
    const languageId = prng.pick(LANGUAGE_IDS[current.fixture.kind]);
    const doc = TextDocument.create(
      `file:///fuzz/${current.fixture.name}`,
      languageId,
      ++current.version,
      current.text,
    );
    const fail = (feature: string, problem: string) =>
      report.failures.push({ iteration, fixture: current.fixture.name, feature, problem, edits: [...current.edits] });
    exerciseFeatures(service, doc, current.fixture.kind, prng, options.hangMs, report, fail);
  }
  return report;
}

type Fail = (feature: string, problem: string) => void;

/** Calls one feature, timing it and turning an exception or a slow answer into a failure. */
function timed<T>(feature: string, hangMs: number, report: FuzzReport, fail: Fail, call: () => T): T | undefined {
  const started = performance.now();
  try {
    return call();
  } catch (error) {
    fail(feature, error instanceof Error ? (error.stack ?? error.message) : String(error));
    return undefined;
  } finally {
    const elapsed = performance.now() - started;
    report.slowest[feature] = Math.max(report.slowest[feature] ?? 0, elapsed);
    if (elapsed > hangMs) fail(feature, `answered after ${elapsed.toFixed(0)} ms (hang bound ${hangMs} ms)`);
  }
}

function exerciseFeatures(
  service: VpnLanguageService,
  doc: TextDocument,
  kind: 'json' | 'yaml',
  prng: Prng,
  hangMs: number,
  report: FuzzReport,
  fail: Fail,
): void {
  const options = { lang: prng.pick(['en', 'zh'] as const), disabledRules: [] };
  const at = (): Position => doc.positionAt(prng.int(doc.getText().length + 1));
  const diagnostics = timed('diagnostics', hangMs, report, fail, () => service.validate(doc, options));
  if (diagnostics) checkDiagnostics(doc, diagnostics, fail);
  timed('completion', hangMs, report, fail, () => service.complete(doc, at(), options));
  timed('hover', hangMs, report, fail, () => service.hover(doc, at(), options));
  timed('symbols', hangMs, report, fail, () => service.documentSymbols(doc));
  timed('folding', hangMs, report, fail, () => service.foldingRanges(doc));
  if (diagnostics?.length) {
    const range = prng.pick(diagnostics).range;
    timed('codeActions', hangMs, report, fail, () => service.codeActions(doc, range, diagnostics, options));
  }
  const formatting = { tabSize: prng.pick([2, 4]), insertSpaces: true };
  const edits = timed('formatting', hangMs, report, fail, () => service.format(doc, formatting));
  if (!edits) return;
  let formatted: string;
  try {
    formatted = TextDocument.applyEdits(doc, edits);
  } catch (error) {
    return fail('formatting', `edits cannot be applied: ${String(error)}`);
  }
  if (formatted === doc.getText()) return;
  report.meaningChecks++;
  const change = meaningChange(doc.getText(), formatted, kind);
  if (change) fail('formatting', change);
}

/** Every diagnostic has a source, a code and a range inside the document. */
function checkDiagnostics(doc: TextDocument, diagnostics: Diagnostic[], fail: Fail): void {
  for (const d of diagnostics) {
    const { start, end } = d.range;
    const inside =
      start.line <= end.line && end.line < doc.lineCount && (start.line < end.line || start.character <= end.character);
    if (!d.source || d.code === undefined || !inside) fail('diagnostics', `malformed diagnostic ${JSON.stringify(d)}`);
  }
}
