/**
 * Layering is a test, not a paragraph: the repository's imports are cruised with the rules in
 * .dependency-cruiser.cjs (no cycle between files or folders, the library's folders in order, no LSP runtime,
 * `vscode`, network or file system in the library, sockets only in the cloud client and the emulator, each
 * program importing only what it may) and every violation is named as "from → to (rule)". The self-test proves
 * each rule fires on the kind of import it forbids, and stays quiet on the imports the layering allows.
 */
import assert from 'node:assert/strict';
import { ALLOWED_IMPORTS, BAD_IMPORT_CASES } from './cases';
import {
  CRUISED_FOLDERS,
  REPO_ROOT,
  cruiseLayering,
  errorsOf,
  knownViolations,
  layeringConfig,
  violationLine,
} from './cruise';
import { foldersOf, removeTree, writeTree, type SourceFiles } from './fixtureTree';
import type { ICruiseResult, IViolation } from 'dependency-cruiser';

/** The failing violations of a fixture tree, as "from → to (rule)" without the cycle's path. */
async function violationsOfTree(files: SourceFiles, known: IViolation[] = []): Promise<string[]> {
  return (await cruiseTree(files, known)).errors;
}

/**
 * A fixture tree's cruise: its failing violations as lines, and every violation (known ones included). It fails
 * first if the cruise missed one of the tree's files, so an empty answer means "nothing wrong", never "nothing seen".
 */
async function cruiseTree(files: SourceFiles, known: IViolation[]): Promise<{ errors: string[]; all: IViolation[] }> {
  const root = writeTree(files);
  try {
    const result = await cruiseLayering(root, foldersOf(files), known);
    const seen = new Set(result.modules.map((module) => module.source));
    assert.deepEqual(
      Object.keys(files).filter((file) => !seen.has(file)),
      [],
      'files of the fixture tree the cruise did not see',
    );
    return {
      errors: errorsOf(result).map(({ from, to, rule }) => violationLine({ from, to, rule })),
      all: result.summary.violations,
    };
  } finally {
    removeTree(root);
  }
}

const sameViolation = (known: IViolation, found: IViolation) =>
  known.from === found.from && known.to === found.to && known.rule.name === found.rule.name;

describe('layering (.dependency-cruiser.cjs)', function () {
  this.timeout(60_000);

  describe('the repository', () => {
    let result: ICruiseResult;
    before(async () => {
      result = await cruiseLayering(REPO_ROOT, CRUISED_FOLDERS, knownViolations());
    });

    it('breaks no layering rule', () => {
      const lines = errorsOf(result).map(violationLine);
      assert.deepEqual(
        lines,
        [],
        `${lines.length} import(s) break the layering (.dependency-cruiser.cjs):\n  ${lines.join('\n  ')}\n`,
      );
    });

    it('lists as a known exception only a violation that still occurs', () => {
      const stale = knownViolations().filter(
        (known) => !result.summary.violations.some((found) => sameViolation(known, found)),
      );
      assert.deepEqual(
        stale.map(violationLine),
        [],
        'these exceptions no longer occur: delete them from knownViolations in .dependency-cruiser.cjs',
      );
    });

    it('resolves every import of its code, so no import slips past a rule that matches resolved paths', () => {
      const unresolved = result.modules.flatMap((module) =>
        module.dependencies
          .filter((dependency) => dependency.couldNotResolve)
          .map((dependency) => `${module.source} → ${dependency.module}`),
      );
      assert.deepEqual(unresolved, []);
    });
  });

  describe('each rule fires on an import it forbids', () => {
    for (const { rule, files, expected } of BAD_IMPORT_CASES) {
      it(`${rule}: ${expected[0]}${expected.length > 1 ? ` and ${expected.length - 1} more` : ''}`, async () => {
        assert.deepEqual((await violationsOfTree(files)).sort(), [...expected].sort());
      });
    }

    it('has a case for every rule of the configuration', () => {
      const tested = new Set(BAD_IMPORT_CASES.map((testCase) => testCase.rule));
      const untested = (layeringConfig().forbidden ?? [])
        .map((rule) => rule.name)
        .filter((name) => !tested.has(name ?? ''));
      assert.deepEqual(untested, []);
    });
  });

  it('reports a known violation as ignored, not as a failure', async () => {
    const files: SourceFiles = { 'scripts/bench.ts': ["import '../test/lsp/fixtures';"] };
    const known: IViolation = {
      type: 'dependency',
      from: 'scripts/bench.ts',
      to: 'test/lsp/fixtures.ts',
      rule: { name: 'scripts-import-test-internals', severity: 'error' },
    };
    const { errors, all } = await cruiseTree(files, [known]);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      all.map((violation) => [violationLine(violation), violation.rule.severity]),
      [['scripts/bench.ts → test/lsp/fixtures.ts (scripts-import-test-internals)', 'ignore']],
    );
  });

  it('allows what the layering allows (downward imports, the data-type packages, sockets in cloud/ and emulator/, vscode in client/)', async () => {
    assert.deepEqual(await violationsOfTree(ALLOWED_IMPORTS), []);
  });
});
