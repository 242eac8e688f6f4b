/**
 * The long fuzz run: `npx tsx scripts/fuzz.ts [--seed N] [--iterations N] [--lsp-iterations N] [--max-size BYTES]`.
 * Prints the seed first, so any failure can be replayed with the same --seed and --iterations; exits 1 when a
 * failure was found. Without --seed it picks one from the clock. The CI test (test/unit/hardening/fuzz.test.ts)
 * runs the same fuzz with a fixed seed and fewer iterations.
 */
import { ensureBuilt } from '../test/support/build';
import { fuzzFixtures } from '../test/support/fuzz/fixtures';
import { runLspFuzz } from '../test/support/fuzz/lspFuzz';
import { freshSeed } from '../test/support/fuzz/prng';
import { runServiceFuzz, type FuzzReport } from '../test/support/fuzz/serviceFuzz';
import { SERVER_COMMAND } from '../test/support/lsp';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} needs a non-negative integer`);
  return value;
}

function print(label: string, report: FuzzReport, ms: number): void {
  const slowest = Object.entries(report.slowest)
    .map(([feature, t]) => `${feature} ${t.toFixed(1)}`)
    .join(', ');
  console.log(
    `${label}: ${report.iterations} edits in ${(ms / 1000).toFixed(1)} s, ${report.failures.length} failures, ${report.meaningChecks} formatting meaning checks`,
  );
  console.log(`  slowest answer per feature (ms): ${slowest}`);
  const distinct = new Map<string, (typeof report.failures)[number]>();
  for (const failure of report.failures) distinct.set(`${failure.feature}:${failure.problem.split('\n')[0]}`, failure);
  for (const failure of distinct.values()) {
    console.log(
      `  - iteration ${failure.iteration}, ${failure.fixture}, ${failure.feature}: ${failure.problem.split('\n').slice(0, 6).join('\n      ')}`,
    );
    console.log(`    edits since the fixture: ${JSON.stringify(failure.edits).slice(0, 2000)}`);
  }
}

async function main(): Promise<void> {
  const seed = flag('--seed', freshSeed());
  const iterations = flag('--iterations', 20_000);
  const lspIterations = flag('--lsp-iterations', Math.round(iterations / 4));
  const fixtures = fuzzFixtures(flag('--max-size', 80 * 1024));
  console.log(
    `fuzz seed ${seed} (replay: npx tsx scripts/fuzz.ts --seed ${seed} --iterations ${iterations} --lsp-iterations ${lspIterations})`,
  );
  console.log(`fixtures: ${fixtures.map((f) => f.name).join(', ')}`);
  let failures = 0;
  let rejections = 0;
  process.on('unhandledRejection', (reason) => {
    rejections++;
    console.log(`unhandled rejection: ${String(reason)}`);
  });
  let started = Date.now();
  const service = runServiceFuzz({ seed, iterations, fixtures, hangMs: 1000 });
  print('language service', service, Date.now() - started);
  failures += service.failures.length;
  if (lspIterations > 0) {
    ensureBuilt();
    started = Date.now();
    const lsp = await runLspFuzz({ seed, iterations: lspIterations, fixtures, server: SERVER_COMMAND, hangMs: 1000 });
    print('language server (stdio)', lsp, Date.now() - started);
    failures += lsp.failures.length;
  }
  console.log(`seed ${seed}: ${failures} failures, ${rejections} unhandled rejections`);
  process.exitCode = failures || rejections ? 1 : 0;
}

void main();
