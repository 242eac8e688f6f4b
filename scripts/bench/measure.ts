/**
 * The measurements themselves: spawn→initialize over fresh processes; per server and fixture, the first open of
 * fresh processes (nothing warmed up: the cold path an editor pays once per window); and one warm session per
 * server and fixture (open→diagnostics, one-character edits, completions, hover, then the peak RSS of that
 * process). Every step waits for its answer before the next is sent, as one person typing would; every process is
 * stopped in `finally`.
 */
import type { Diagnostic, Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import type { LspTestClient } from '../../test/support/lsp';
import type { Scenario } from './scenario';
import type { BenchServer, ServerSpec } from './servers';
import { sample, summarize, type SamplePlan, type Summary } from './stats';
import type { Metric } from './targets';
import { startServer, stopServer, timeDiagnostics, timeRequest } from './timing';

/** Iterations per metric; `budgetMs` caps one metric of one session (a slow peer on 1 MB gets fewer samples). */
export interface Plan {
  spawns: number;
  /** Fresh processes per server and fixture for the cold rows (each one spawn, one open, no warm-up). */
  colds: number;
  opens: (size: Scenario['size']) => number;
  edits: number;
  requests: number;
  budgetMs: number;
  timeoutMs: number;
}

const WARMUP = 3;

function plan(count: number, budgetMs: number, warmup = WARMUP): SamplePlan {
  return { count, warmup, budgetMs, minCount: Math.min(count, 5) };
}

/** spawn→initialize result over `plan.spawns` fresh processes (the first one is not a warm-up: every spawn is cold). */
export async function measureSpawn(server: BenchServer, p: Plan): Promise<Summary> {
  const samples = await sample(plan(p.spawns, p.budgetMs, 0), async () => {
    const { client, initializeMs } = await startServer(server.spec, p.timeoutMs);
    await stopServer(client);
    return initializeMs;
  });
  return summarize(samples);
}

/**
 * The fresh-process rows of one server on one fixture, over `plan.colds` new processes: spawn→initialize, and the
 * first open (of `coldText`, which has one schema error) until the first diagnostics that report that error. The
 * file opens right after `initialized` and the settings, as when an editor starts with the file already showing;
 * no probe, no warm-up: the first validation pays for loading (or compiling) the schema. A server whose first publish lacks the
 * error (it had not applied the schema yet) is not done: the wait goes on, to the publish the user would rely on.
 */
export async function measureCold(
  server: BenchServer,
  s: Scenario,
  p: Plan,
  /** The command line of each new process (default: the server's own). */
  specOf: () => ServerSpec = () => server.spec,
): Promise<{ coldSpawn: Summary; coldOpen: Summary }> {
  const spawns: number[] = [];
  const uri = `file:///tcvpn-bench/cold/${s.fileName}`;
  const opens = await sample(plan(p.colds, p.budgetMs, 0), async () => {
    const { client, initializeMs } = await startServer(specOf(), p.timeoutMs);
    try {
      spawns.push(initializeMs);
      const ms = await timeDiagnostics(
        client,
        uri,
        (d) => d.diagnostics.some((diagnostic) => reports(diagnostic, s.coldEdit)),
        () => client.open(uri, server.languageId(s.kind), s.coldText),
        p.timeoutMs,
      );
      return ms;
    } finally {
      await stopServer(client);
    }
  });
  return { coldSpawn: summarize(spawns), coldOpen: summarize(opens) };
}

/** An error or warning whose range holds `at` (the minified file is one line, so a line alone says little). */
const reports = (d: Diagnostic, at: Position): boolean =>
  (d.severity === undefined || d.severity <= 2) &&
  (d.range.start.line < at.line || (d.range.start.line === at.line && d.range.start.character <= at.character)) &&
  (d.range.end.line > at.line || (d.range.end.line === at.line && d.range.end.character >= at.character));

/**
 * Errors and warnings on a line. Information is left out: our server marks 3DES-CBC as weak (information), and
 * the invalid edit 4DES-CBC trades that note for an error, so counting every severity would see no change.
 */
const onLine = (diagnostics: Diagnostic[], line: number): number =>
  diagnostics.filter(
    (d) => (d.severity === undefined || d.severity <= 2) && d.range.start.line <= line && d.range.end.line >= line,
  ).length;

/** Opens a small file with a schema error until the server reports it: the schema is loaded, settings are applied. */
async function waitUntilSchemaLoaded(
  client: LspTestClient,
  server: BenchServer,
  s: Scenario,
  timeoutMs: number,
): Promise<void> {
  const uri = `file:///tcvpn-bench/probe/probe.vpnconn.${s.kind}`;
  let reported = false;
  const accept = (p: PublishDiagnosticsParams): boolean => ((reported = p.diagnostics.length > 0), true);
  await timeDiagnostics(client, uri, accept, () => client.open(uri, server.languageId(s.kind), s.probeText), timeoutMs);
  // A server that validated before its settings arrived published nothing useful: re-send the text until it does.
  for (let version = 2; !reported; version++) {
    if (version > 40)
      throw new Error(`${server.id} never reported the schema error in the probe file: is the schema associated?`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await timeDiagnostics(client, uri, accept, () => client.change(uri, version, [{ text: s.probeText }]), timeoutMs);
  }
  await client.close(uri);
}

/** One session of one server on one fixture: every per-file metric, keyed by metric. */
export async function measureSession(
  server: BenchServer,
  s: Scenario,
  p: Plan,
): Promise<Partial<Record<Metric, Summary>>> {
  const { client } = await startServer(server.spec, p.timeoutMs);
  const languageId = server.languageId(s.kind);
  const out: Partial<Record<Metric, Summary>> = {};
  try {
    await waitUntilSchemaLoaded(client, server, s, p.timeoutMs);
    out.open = await measureOpens(client, languageId, s, p);
    const uri = `file:///tcvpn-bench/session/${s.fileName}`;
    const baseline = await openSessionFile(client, uri, languageId, s, p.timeoutMs);
    out.edit = await measureEdits(client, uri, s, p, baseline);
    Object.assign(out, await measureRequests(client, uri, s, p));
    const rss = client.peakRssBytes();
    out.rss = { ...summarize(rss === undefined ? [] : [rss / 1024 / 1024], 'MB') };
    return out;
  } finally {
    await stopServer(client);
  }
}

/** Open→diagnostics: a new URI each time (no cache can answer), closed again afterwards. */
async function measureOpens(client: LspTestClient, languageId: string, s: Scenario, p: Plan): Promise<Summary> {
  const opens = await sample(plan(p.opens(s.size), p.budgetMs, 1), async (i) => {
    const uri = `file:///tcvpn-bench/open-${i}/${s.fileName}`;
    const ms = await timeDiagnostics(
      client,
      uri,
      (d) => d.version === undefined || d.version >= 1,
      () => client.open(uri, languageId, s.text),
      p.timeoutMs,
    );
    await client.close(uri);
    return ms;
  });
  return summarize(opens);
}

/** Opens the session file the edits and requests work on; returns the errors and warnings on the edited line. */
async function openSessionFile(
  client: LspTestClient,
  uri: string,
  languageId: string,
  s: Scenario,
  timeoutMs: number,
): Promise<number> {
  let baseline = 0;
  await timeDiagnostics(
    client,
    uri,
    (d) => ((baseline = onLine(d.diagnostics, s.edit.position.line)), true),
    () => client.open(uri, languageId, s.sessionText),
    timeoutMs,
  );
  return baseline;
}

/** Edit→diagnostics: one-character edits of the session file, flagged when invalid ones go unreported, ending valid. */
async function measureEdits(
  client: LspTestClient,
  uri: string,
  s: Scenario,
  p: Plan,
  baseline: number,
): Promise<Summary> {
  const editor = valueToggler(client, uri, s, p.timeoutMs, baseline);
  const edits = await sample(plan(p.edits, p.budgetMs), editor.toggle);
  const summary = summarize(edits);
  if (editor.silent() > 0) summary.warning = `${editor.silent()} invalid edits got no diagnostic on the edited line`;
  if ((WARMUP + edits.length) % 2 === 1) await editor.toggle(1); // back to the valid text before completing in it
  return summary;
}

/**
 * Makes the edited value invalid (4DES-CBC) on even runs and restores it on odd runs, timing each until its answer.
 * Servers that publish a version are matched by version; the others (yaml-language-server) by content: an error on
 * the edited line appears, then goes away. `silent()` counts the invalid edits that got no error on that line.
 */
function valueToggler(
  client: LspTestClient,
  uri: string,
  s: Scenario,
  timeoutMs: number,
  baseline: number,
): { toggle: (i: number) => Promise<number>; silent: () => number } {
  let version = 1;
  let silent = 0;
  const toggle = async (i: number): Promise<number> => {
    const invalid = i % 2 === 0;
    const v = ++version;
    const { line, character } = s.edit.position;
    const range = { start: { line, character }, end: { line, character: character + 1 } };
    let got: Diagnostic[] = [];
    const accept = (d: PublishDiagnosticsParams): boolean => {
      got = d.diagnostics;
      if (d.version !== undefined) return d.version >= v;
      return invalid ? onLine(d.diagnostics, line) > baseline : onLine(d.diagnostics, line) <= baseline;
    };
    const ms = await timeDiagnostics(
      client,
      uri,
      accept,
      () => client.change(uri, v, [{ range, text: invalid ? s.edit.invalid : s.edit.valid }]),
      timeoutMs,
    );
    if (invalid && onLine(got, line) <= baseline) silent++;
    return ms;
  };
  return { toggle, silent: () => silent };
}

/** Completion of a key, completion of an enum value and hover on the session file, each checked on its first answer. */
async function measureRequests(
  client: LspTestClient,
  uri: string,
  s: Scenario,
  p: Plan,
): Promise<Pick<Record<Metric, Summary>, 'completeKey' | 'completeEnum' | 'hover'>> {
  const completeKey = await timeRequests(
    client,
    p,
    'textDocument/completion',
    { textDocument: { uri }, position: s.keyCompletion, context: { triggerKind: 1 } },
    (r) => items(r).length > 0,
    'no completion items',
  );
  const completeEnum = await timeRequests(
    client,
    p,
    'textDocument/completion',
    { textDocument: { uri }, position: s.enumCompletion, context: { triggerKind: 1 } },
    (r) => items(r).some((item) => JSON.stringify(item).includes('GROUP2')),
    'GROUP2 not offered',
  );
  const hover = await timeRequests(
    client,
    p,
    'textDocument/hover',
    { textDocument: { uri }, position: s.hover },
    (r) => !!r && typeof r === 'object' && 'contents' in r,
    'no hover',
  );
  return { completeKey, completeEnum, hover };
}

/** The items of a completion answer (an array or a CompletionList). */
function items(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  return result && typeof result === 'object' && Array.isArray((result as { items?: unknown }).items)
    ? (result as { items: unknown[] }).items
    : [];
}

/** Times one request repeatedly; the first answer is checked so an empty answer is flagged, not celebrated. */
async function timeRequests(
  client: LspTestClient,
  p: Plan,
  method: string,
  params: unknown,
  ok: (result: unknown) => boolean,
  problem: string,
): Promise<Summary> {
  let first: unknown;
  let seen = false;
  const samples = await sample(plan(p.requests, p.budgetMs), async () => {
    const { ms, result } = await timeRequest<unknown>(client, method, params, p.timeoutMs);
    if (!seen) [first, seen] = [result, true];
    return ms;
  });
  const summary = summarize(samples);
  if (!ok(first)) summary.warning = problem;
  return summary;
}
