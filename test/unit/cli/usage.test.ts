/**
 * `tcvpn --help` (dist/cli.js) names every option of every command cli/main.ts dispatches. The options come from
 * each command's own table, the one its parser reads (util.parseArgs, or validate's and emulator's own loops, which
 * read their tables too), so an option added to a command and not to the usage fails here: it must stand in the
 * command's synopsis and have a line saying what it does, unless it is a shared cloud flag that the usage's
 * paragraph about the cloud commands names for that command.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLOUD_OPTIONS } from '../../../cli/cloudArgs';
import { DIAGNOSE_OPTIONS } from '../../../cli/diagnose';
import { EMULATOR_OPTIONS, parseEmulatorArgs } from '../../../cli/emulator';
import { EXPORT_OPTIONS } from '../../../cli/export';
import { PEER_CONFIG_OPTIONS } from '../../../cli/peerConfig';
import { RECORDS_OPTIONS } from '../../../cli/records';
import { OPTIONS as SUBMIT_OPTIONS } from '../../../cli/submitArgs';
import { APPLY_OPTIONS } from '../../../cli/tunnelApply';
import { OPTIONS as IMPORT_OPTIONS } from '../../../cli/tunnelImport';
import { TUNNEL_COMMAND_OPTIONS } from '../../../cli/tunnelOps';
import { PLAN_OPTIONS } from '../../../cli/tunnelPlan';
import { parseValidateArgs, VALIDATE_OPTIONS } from '../../../cli/validate/options';
import { ensureBuilt, REPO_ROOT } from '../../support/build';
import { childEnv } from '../../support/childEnv';

const CLI = path.join(REPO_ROOT, 'dist/cli.js');

/** Each command and the options its parser accepts (a cloud command's include the shared cloud flags). */
const COMMANDS: Record<string, Record<string, unknown>> = {
  validate: VALIDATE_OPTIONS,
  submit: SUBMIT_OPTIONS,
  status: { ...CLOUD_OPTIONS, ...RECORDS_OPTIONS.status },
  watch: { ...CLOUD_OPTIONS, ...RECORDS_OPTIONS.watch },
  abandon: { ...CLOUD_OPTIONS, ...RECORDS_OPTIONS.abandon },
  import: { ...CLOUD_OPTIONS, ...IMPORT_OPTIONS },
  plan: { ...CLOUD_OPTIONS, ...PLAN_OPTIONS },
  apply: { ...CLOUD_OPTIONS, ...APPLY_OPTIONS },
  delete: { ...CLOUD_OPTIONS, ...TUNNEL_COMMAND_OPTIONS },
  reset: { ...CLOUD_OPTIONS, ...TUNNEL_COMMAND_OPTIONS },
  export: EXPORT_OPTIONS,
  'peer-config': PEER_CONFIG_OPTIONS,
  diagnose: DIAGNOSE_OPTIONS,
  emulator: EMULATOR_OPTIONS,
};

/** The command names cli/main.ts dispatches: the keys of its `commands` table (main.ts runs when imported). */
function dispatchedCommands(): string[] {
  const source = fs.readFileSync(path.join(REPO_ROOT, 'cli/main.ts'), 'utf8');
  const table = /\nconst commands: Record<string, \(\) => Command> = \{\n([\s\S]*?)\n\};/.exec(source);
  assert.ok(table, "cli/main.ts's commands table is not where this test looks for it");
  return [...table[1].matchAll(/^ {2}'?([\w-]+)'?: /gm)].map((match) => match[1]);
}

/** `--name` as a whole word (not the start of a longer option). */
const flag = (name: string): RegExp => new RegExp(`--${name}(?![\\w-])`);

/** The command's synopsis: its line in the usage and the indented `[--…]` lines that continue it. */
function synopsisOf(usage: string, command: string): string | undefined {
  const lines = usage.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`  ${command} `));
  if (start === -1) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => !/^ {4,}\[/.test(line));
  return [lines[start], ...rest.slice(0, end === -1 ? rest.length : end)].join('\n');
}

/** True when the paragraph about the cloud commands names `command` and `--name`. */
function sharedCloudFlag(usage: string, command: string, name: string): boolean {
  const paragraph = usage.split('\n\n').find((text) => text.startsWith('every cloud command ('));
  if (!paragraph || !(name in CLOUD_OPTIONS)) return false;
  const commands = /\(([^)]*)\)/
    .exec(paragraph)![1]
    .split(',')
    .map((listed) => listed.trim());
  return commands.includes(command) && flag(name).test(paragraph);
}

/** True when a line of the usage starts with `--name` and says something after it. */
function described(usage: string, name: string): boolean {
  return usage.split('\n').some((line) => new RegExp(`^ {2}--${name}( \\S+)? {2,}\\S`).test(line));
}

/** The options `command` accepts that the usage leaves out of its synopsis or does not describe. */
function unmentioned(usage: string, command: string, options: Record<string, unknown>): string[] {
  const synopsis = synopsisOf(usage, command) ?? '';
  return Object.keys(options).filter(
    (name) => !sharedCloudFlag(usage, command, name) && !(flag(name).test(synopsis) && described(usage, name)),
  );
}

describe('tcvpn --help: every option of every command', function () {
  this.timeout(60_000);
  let usage: string;

  before(() => {
    ensureBuilt();
    const run = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8', env: childEnv() });
    assert.equal(run.status, 0, run.stderr);
    usage = run.stdout;
  });

  it('checks every command cli/main.ts dispatches', () => {
    assert.deepEqual(dispatchedCommands().sort(), Object.keys(COMMANDS).sort());
  });

  for (const [command, options] of Object.entries(COMMANDS)) {
    it(`${command}: each option it accepts is in its synopsis and described`, () => {
      assert.ok(synopsisOf(usage, command), `tcvpn --help has no line for ${command}`);
      assert.deepEqual(unmentioned(usage, command, options), [], `tcvpn --help leaves out options of ${command}`);
    });
  }

  it('stays within 120 columns', () => {
    assert.deepEqual(
      usage.split('\n').filter((line) => line.length > 120),
      [],
    );
  });

  it('the check names an option left out of a synopsis, or left without a description', () => {
    // The tables are read, not copied: these cases prove the check fails for the kinds of omission it guards.
    const withoutForce = usage.replace(/^( {4,}.*?)\[--force\] ?/m, '$1');
    assert.notEqual(withoutForce, usage, 'a synopsis continues with [--force]');
    const [changed] = Object.keys(COMMANDS).filter(
      (command) => synopsisOf(withoutForce, command) !== synopsisOf(usage, command),
    );
    assert.deepEqual(unmentioned(withoutForce, changed, COMMANDS[changed]), ['force']);
    const withoutVendorLine = usage.replace(/^ {2}--vendor .*\n/m, '');
    assert.deepEqual(unmentioned(withoutVendorLine, 'peer-config', PEER_CONFIG_OPTIONS), ['vendor']);
    assert.deepEqual(unmentioned(usage, 'export', { ...EXPORT_OPTIONS, proxy: { type: 'string' } }), ['proxy']);
    const withoutQuietLine = usage.replace(/^ {2}--quiet .*\n/m, '');
    assert.deepEqual(unmentioned(withoutQuietLine, 'emulator', EMULATOR_OPTIONS), ['quiet']);
  });

  it('a cloud flag counts as mentioned only for the commands the cloud paragraph names', () => {
    assert.ok(sharedCloudFlag(usage, 'import', 'endpoint'));
    assert.ok(!sharedCloudFlag(usage, 'export', 'endpoint'), 'export takes no --endpoint: it is no cloud command');
    assert.ok(!sharedCloudFlag(usage, 'validate', 'endpoint'), 'validate takes --endpoint only with --live');
    const withoutAbandon = usage.replace(/^(every cloud command \([^)]*?), abandon/m, '$1');
    assert.notEqual(withoutAbandon, usage, 'the cloud paragraph lists abandon');
    assert.deepEqual(unmentioned(withoutAbandon, 'abandon', COMMANDS.abandon), Object.keys(CLOUD_OPTIONS));
  });
});

describe("validate's and emulator's option tables: what their own parsers read", () => {
  const anArgument = (option: unknown): string[] => ((option as { type: string }).type === 'string' ? ['x'] : []);

  it('validate accepts each option of VALIDATE_OPTIONS and refuses one it does not name', () => {
    for (const [name, option] of Object.entries(VALIDATE_OPTIONS)) {
      const parsed = parseValidateArgs([`--${name}`, ...anArgument(option), 'a.vpnconn.json'], {});
      const message = parsed.kind === 'usageError' ? parsed.message : '';
      assert.doesNotMatch(message, /unknown option/, `--${name}`);
    }
    assert.deepEqual(parseValidateArgs(['--proxy', 'x', 'a.vpnconn.json'], {}), {
      kind: 'usageError',
      message: 'unknown option "--proxy"',
    });
  });

  it('emulator accepts each option of EMULATOR_OPTIONS and refuses one it does not name', () => {
    for (const [name, option] of Object.entries(EMULATOR_OPTIONS)) {
      const parsed = parseEmulatorArgs([`--${name}`, ...(anArgument(option).length ? ['1'] : [])]);
      assert.equal(typeof parsed, 'object', `--${name}: ${String(parsed)}`);
    }
    assert.equal(parseEmulatorArgs(['--proxy', '1']), 'unknown or incomplete option --proxy');
  });
});
