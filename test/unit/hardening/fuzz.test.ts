/**
 * Fuzz with a fixed seed (CI): thousands of random edits of every fixture, in JSON and YAML, each followed by
 * every feature, first in process and then over stdio against the built server. The pass is an empty failure
 * list: no exception, no error logged by the server, no unhandled rejection, the process alive, every answer
 * within one second, and formatting that keeps the meaning of every document that parses.
 *
 * The one-second bound is the hang detector, not a speed claim: typical answers take a few
 * milliseconds (scripts/bench-peers.ts and `npm run bench` measure speed). Replay a failure with
 * `npx tsx scripts/fuzz.ts --seed N --iterations N`.
 */
import * as assert from 'node:assert/strict';
import { ensureBuilt } from '../../support/build';
import { fuzzFixtures } from '../../support/fuzz/fixtures';
import { runLspFuzz } from '../../support/fuzz/lspFuzz';
import { runServiceFuzz, type FuzzFailure } from '../../support/fuzz/serviceFuzz';
import { SERVER_COMMAND } from '../../support/lsp';

/** The CI seed; any failure it finds is replayable with scripts/fuzz.ts --seed 20261125. */
const CI_SEED = 20261125;
const HANG_MS = 1000;

function summary(failures: FuzzFailure[]): string {
  const distinct = new Map<string, FuzzFailure>();
  for (const failure of failures) distinct.set(`${failure.feature}:${failure.problem.split('\n')[0]}`, failure);
  return [...distinct.values()]
    .slice(0, 5)
    .map(
      (f) =>
        `#${f.iteration} ${f.fixture} ${f.feature}: ${f.problem.split('\n').slice(0, 4).join(' | ')}\n  edits: ${JSON.stringify(f.edits).slice(0, 400)}`,
    )
    .join('\n');
}

describe('hardening: fuzz with a fixed seed', function () {
  this.timeout(120_000);
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  before(() => process.on('unhandledRejection', onRejection));
  after(() => process.off('unhandledRejection', onRejection));

  it('uses fixtures in both languages', () => {
    const kinds = new Set(fuzzFixtures().map((fixture) => fixture.kind));
    assert.deepEqual([...kinds].sort(), ['json', 'yaml']);
  });

  it('the language service survives 2,400 random edits with every feature after each, and formatting keeps the meaning', () => {
    const report = runServiceFuzz({ seed: CI_SEED, iterations: 2400, fixtures: fuzzFixtures(), hangMs: HANG_MS });
    assert.ok(report.meaningChecks > 100, `only ${report.meaningChecks} formatting results were checked for meaning`);
    assert.equal(
      report.failures.length,
      0,
      `${report.failures.length} failures (seed ${CI_SEED}):\n${summary(report.failures)}`,
    );
    assert.deepEqual(rejections, []);
  });

  it('the language server over stdio survives 1,200 random incremental edits, answering every request within a second', async () => {
    ensureBuilt();
    const report = await runLspFuzz({
      seed: CI_SEED,
      iterations: 1200,
      fixtures: fuzzFixtures(),
      server: SERVER_COMMAND,
      hangMs: HANG_MS,
    });
    assert.equal(report.iterations, 1200);
    assert.ok(report.serverAlive, 'the server process exited during the fuzz');
    assert.ok(report.meaningChecks > 50, `only ${report.meaningChecks} formatting results were checked for meaning`);
    assert.equal(
      report.failures.length,
      0,
      `${report.failures.length} failures (seed ${CI_SEED}):\n${summary(report.failures)}`,
    );
    assert.deepEqual(rejections, []);
  });
});
