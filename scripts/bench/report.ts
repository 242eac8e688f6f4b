/**
 * Turns measurements into the two printed tables (ours against the issue's targets; peers against ours) and the
 * machine-readable form written by `--json FILE`. The tables are plain fixed-width text so they paste into
 * Markdown code blocks and CI logs alike.
 */
import { cpus, loadavg, tmpdir } from 'node:os';
import type { FixtureKind } from '../../test/support/fixtures';
import type { BenchSize } from './scenario';
import { ROOT, type BenchServer } from './servers';
import { ratio, type Summary } from './stats';
import { goalFor, METRIC_LABEL, PEER_METRIC_OF, targetFor, type Metric } from './targets';

/** One measured quantity: a server, a language, a fixture size (none for spawn) and a metric. */
export interface Row {
  server: BenchServer['id'];
  kind: FixtureKind;
  size?: BenchSize;
  metric: Metric;
  summary: Summary;
}

/** A peer row beside ours, with the speed-up (peer / ours) of medians and of p95s and the goal for it. */
export interface Comparison {
  kind: FixtureKind;
  size?: BenchSize;
  metric: Metric;
  peer: BenchServer['id'];
  ours: Summary;
  theirs: Summary;
  ratioMedian: number;
  ratioP95: number;
  /** The ratio of medians after taking the peer's fixed validation delay off its diagnostics latency. */
  ratioMedianWithoutPeerDelay?: number;
  goal: number;
  met: boolean;
}

const fmt = (value: number): string =>
  Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : '—';
const pad = (cells: string[], widths: number[]): string =>
  cells
    .map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
    .join('  ')
    .trimEnd();

/** Pairs each peer row with our row for the same language, size and metric. */
export function compare(rows: Row[], servers: BenchServer[]): Comparison[] {
  const ours = (r: Row, metric: Metric) =>
    rows.find(
      (o) =>
        o.server === 'ours' && o.metric === metric && o.size === r.size && (r.metric === 'spawn' || o.kind === r.kind),
    );
  const oursFor = (metric: Metric): Metric[] => [
    metric,
    ...(Object.keys(PEER_METRIC_OF) as Metric[]).filter((m) => PEER_METRIC_OF[m] === metric),
  ];
  return rows.flatMap((r) =>
    r.server === 'ours' ? [] : oursFor(r.metric).flatMap((metric) => comparison(r, ours(r, metric), servers)),
  );
}

/** One peer row against our row (none when we have no such row); the comparison is named by our metric. */
function comparison(r: Row, mine: Row | undefined, servers: BenchServer[]): Comparison[] {
  if (!mine) return [];
  const delay = servers.find((s) => s.id === r.server)?.validationDelayMs ?? 0;
  const diag = r.metric === 'open' || r.metric === 'edit' || r.metric === 'coldOpen';
  const ratioMedian = ratio(r.summary.median, mine.summary.median);
  const goal = goalFor(r.metric, r.kind, r.size);
  return [
    {
      kind: r.kind,
      size: r.size,
      metric: mine.metric,
      peer: r.server,
      ours: mine.summary,
      theirs: r.summary,
      ratioMedian,
      ratioP95: ratio(r.summary.p95, mine.summary.p95),
      ratioMedianWithoutPeerDelay: diag && delay > 0 ? ratio(r.summary.median - delay, mine.summary.median) : undefined,
      goal,
      met: ratioMedian >= goal,
    },
  ];
}

/** Short names of the peers for the ours table's ratio column. */
const PEER_SHORT: Record<BenchServer['id'], string> = {
  ours: 'ours',
  'yaml-language-server': 'yaml-ls',
  'vscode-json-languageservice': 'json-ls',
};

/** Rows no peer can be measured on the same way (blocking.ts says why). */
const NO_PEER: readonly Metric[] = ['hoverDuringFlood'];

/** The peer/ours ratios of medians for one of our rows (both peers for spawn, which has no language). */
function ratiosFor(r: Row, comparisons: Comparison[]): string {
  if (NO_PEER.includes(r.metric)) return 'n/a';
  const mine = comparisons.filter(
    (c) => c.metric === r.metric && c.size === r.size && (r.metric === 'spawn' || c.kind === r.kind),
  );
  return mine.map((c) => `${mine.length > 1 ? `${PEER_SHORT[c.peer]} ` : ''}×${fmt(c.ratioMedian)}`).join(', ');
}

/**
 * The table of our server against the issue's targets (checked on p95), with the peer/ours ratio of medians on
 * every row where a peer was measured (higher is better for us, RSS included).
 */
export function oursTable(rows: Row[], comparisons: Comparison[] = []): string {
  const withPeers = comparisons.length > 0;
  const widths = [5, 8, 27, 5, 8, 8, 9, 8, ...(withPeers ? [9] : [])];
  const lines = [
    `Our server — median and p95 (ms; MB for RSS); targets are checked against p95${withPeers ? '; peer× = peer median / ours (higher is better for us)' : ''}`,
    pad(['lang', 'size', 'metric', 'n', 'median', 'p95', 'target', 'status', ...(withPeers ? ['peer×'] : [])], widths),
  ];
  for (const r of rows.filter((row) => row.server === 'ours')) {
    const target = targetFor(r.metric, r.kind, r.size);
    const unit = r.summary.unit === 'MB' ? ' MB' : ' ms';
    const status = target === undefined ? '' : r.summary.p95 <= target ? 'ok' : 'MISSED';
    const warn = r.summary.warning ? `  ! ${r.summary.warning}` : '';
    lines.push(
      pad(
        [
          r.metric === 'spawn' ? 'any' : r.kind,
          r.size ?? '—',
          METRIC_LABEL[r.metric],
          String(r.summary.n),
          fmt(r.summary.median),
          fmt(r.summary.p95),
          target === undefined ? '' : `≤${target}${unit}`,
          status,
          ...(withPeers ? [ratiosFor(r, comparisons)] : []),
        ],
        widths,
      ) + warn,
    );
  }
  return lines.join('\n');
}

/** The table of the peers against ours: ratio = peer / ours, so 5.0 means we are five times faster (or smaller). */
export function peersTable(comparisons: Comparison[]): string {
  const widths = [5, 8, 27, 9, 9, 6, 9, 9, 7, 7, 6, 6];
  const lines = [
    'Peers — ratio = peer / ours (higher is better for us); goals are checked on the ratio of medians',
    pad(
      [
        'lang',
        'size',
        'metric',
        'ours med',
        'ours p95',
        'peer n',
        'peer med',
        'peer p95',
        '×med',
        '×p95',
        'goal',
        'status',
      ],
      widths,
    ),
  ];
  for (const c of comparisons) {
    const extra =
      c.ratioMedianWithoutPeerDelay !== undefined
        ? `  (×${fmt(c.ratioMedianWithoutPeerDelay)} without the peer's debounce)`
        : '';
    const warn = c.theirs.warning ? `  ! peer: ${c.theirs.warning}` : '';
    lines.push(
      pad(
        [
          c.kind,
          c.size ?? '—',
          METRIC_LABEL[c.metric],
          fmt(c.ours.median),
          fmt(c.ours.p95),
          String(c.theirs.n),
          fmt(c.theirs.median),
          fmt(c.theirs.p95),
          fmt(c.ratioMedian),
          fmt(c.ratioP95),
          `≥${c.goal}×`,
          c.met ? 'ok' : 'MISSED',
        ],
        widths,
      ) +
        extra +
        warn,
    );
  }
  return lines.join('\n');
}

/** Lines naming the servers, their versions and any debounce, printed under the tables. */
export function notes(servers: BenchServer[]): string {
  return servers
    .map(
      (s) =>
        `  ${s.id} ${s.version}: node ${s.spec.args.map((a) => a.replace(`${ROOT}/`, '').replace(tmpdir(), '$TMPDIR')).join(' ')}${s.validationDelayMs ? ` — waits ${s.validationDelayMs} ms before validating (built in, counted)` : ''}`,
    )
    .join('\n');
}

/** The machine-readable result of a run, for `--json FILE`. */
export function jsonReport(rows: Row[], comparisons: Comparison[], servers: BenchServer[], plan: unknown): unknown {
  return {
    generatedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: process.platform,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      loadavg: loadavg(),
    },
    servers: servers.map((s) => ({ id: s.id, version: s.version, validationDelayMs: s.validationDelayMs })),
    plan,
    results: rows.map((r) => {
      const target = targetFor(r.metric, r.kind, r.size);
      return {
        ...r,
        label: METRIC_LABEL[r.metric],
        target,
        targetMet: target === undefined ? undefined : r.summary.p95 <= target,
      };
    }),
    comparisons: comparisons.map((c) => ({ ...c, label: METRIC_LABEL[c.metric] })),
  };
}
