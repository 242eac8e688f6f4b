// Mocha's spec reporter, plus the closing line CI reads: "mocha: N passed, N failed[, N skipped]".
// The line is also appended to $TEST_SUMMARY_FILE (when set) so scripts/test-all.sh can add the tiers up.
'use strict';
const Mocha = require('mocha');
const fs = require('node:fs');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      const line = `${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`;
      console.log(`\nmocha: ${line}`);
      if (process.env.TEST_SUMMARY_FILE)
        fs.appendFileSync(process.env.TEST_SUMMARY_FILE, `${passes} ${failures} ${pending}\n`);
    });
  }
}
module.exports = SummaryReporter;
