/**
 * The in-editor suite's entry: VS Code's extension host `require()`s this module and awaits `run()` (the
 * extensionTestsPath contract of @vscode/test-electron, which code-server's smoke-test driver honours too).
 * It runs every compiled `*.test.js` next to it with mocha, prints the closing "N passed, N failed" line and, when
 * TCVPN_SUITE_RESULT_FILE is set, writes the counts there for the runner outside the workbench.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.TCVPN_SUITE_GREP;
  if (grep) mocha.grep(grep);
  // Files run in name order: 00-activation first, so activation is observed before anything else opens a file.
  for (const file of readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(__dirname, file));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        const line = `${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`;
        console.log(`editor: ${line}`);
        const resultFile = process.env.TCVPN_SUITE_RESULT_FILE;
        if (resultFile)
          writeFileSync(resultFile, JSON.stringify({ passed: passes, failed: failures, skipped: pending }));
        if (failures > 0) reject(new Error(`${failures} in-editor tests failed`));
        else if (passes === 0) reject(new Error('no in-editor test ran'));
        else resolve();
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
