/**
 * `tcvpn validate` on hostile inputs (issue 14, "files are read safely everywhere"): a named pipe, a symlink to
 * /dev/zero, a symlink leading out of the folder given, a symlinked folder, an unreadable folder, an empty file,
 * a binary file and a file over the size limit. The runs that could hang or eat memory before the fix run the
 * built CLI as a child process with a timeout; the others run in-process. Every case works in its own folder
 * under os.tmpdir(), removed afterwards. The reader's own cases are in safeRead.test.ts.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_INPUT_BYTES } from '../../cli/safeRead';
import { NODE_INPUT_FILE_SYSTEM, resolveInputs, type InputFileSystem } from '../../cli/validate/inputs';
import { ensureBuilt } from '../support/build';
import { REPO_ROOT, findingsOf, validate, type CliRun } from './support/runCli';
import { childEnv } from '../support/childEnv';

const CLI = path.join(REPO_ROOT, 'dist/cli.js');
const IS_WINDOWS = process.platform === 'win32';
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
/** The built CLI gets this long; a run that hangs is killed and fails its test instead of the whole suite. */
const CHILD_TIMEOUT_MS = 15_000;
/** What "at once" means for a refusal, with room for a slow CI machine (a start of the CLI takes ~0.3 s). */
const QUICK_MS = 8_000;
/** A valid document, so that a folder's findings come only from what a test puts next to it. */
const VALID_YAML =
  'VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: inside\nPreShareKey: 6325ac\n';

interface ChildRun extends CliRun {
  signal: NodeJS.Signals | null;
  elapsedMs: number;
}

/** `node dist/cli.js validate ARGS` in `cwd`, killed after CHILD_TIMEOUT_MS. */
function validateChild(args: string[], cwd: string, extra: { uid?: number; gid?: number } = {}): ChildRun {
  const started = Date.now();
  const child: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI, 'validate', ...args], {
    cwd,
    env: childEnv({ LANG: 'C' }),
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
    ...extra,
  });
  return {
    code: child.status ?? -1,
    signal: child.signal,
    stdout: child.stdout ?? '',
    stderr: child.stderr ?? '',
    elapsedMs: Date.now() - started,
  };
}

function assertQuickExit2(run: ChildRun): void {
  assert.equal(run.signal, null, `the CLI hung and was killed after ${CHILD_TIMEOUT_MS} ms\n${run.stderr}`);
  assert.equal(run.code, 2, run.stdout + run.stderr);
  assert.ok(run.elapsedMs < QUICK_MS, `took ${run.elapsedMs} ms`);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('tcvpn validate: hostile inputs', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => ensureBuilt());
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tcvpn-hostile-'));
  });
  afterEach(() => {
    // A test may leave a folder without permissions; give them back so the tree can be removed.
    if (!IS_WINDOWS) execFileSync('chmod', ['-R', 'u+rwx', dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  const write = (relative: string, content: string | Buffer): string => {
    const target = path.join(dir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
    return target;
  };

  describe('a named pipe (FIFO) named x.vpnconn.yaml', () => {
    beforeEach(function () {
      if (IS_WINDOWS) this.skip();
    });

    it('named on the command line: refused as "a named pipe (FIFO)", exit 2 at once, no hang (built CLI)', () => {
      execFileSync('mkfifo', [path.join(dir, 'x.vpnconn.yaml')]);
      const run = validateChild(['x.vpnconn.yaml'], dir);
      assertQuickExit2(run);
      assert.match(run.stderr, /^tcvpn validate: x\.vpnconn\.yaml: is a named pipe \(FIFO\), not a file$/m);
    });

    it("inside a folder given: refused by name, the folder's other files still checked, no hang (built CLI)", () => {
      mkdirSync(path.join(dir, 'configs'));
      execFileSync('mkfifo', [path.join(dir, 'configs/x.vpnconn.yaml')]);
      write('configs/ok.vpnconn.yaml', VALID_YAML);
      const run = validateChild(['--format', 'json', 'configs'], dir);
      assertQuickExit2(run);
      assert.match(run.stderr, /^tcvpn validate: configs\/x\.vpnconn\.yaml: is a named pipe \(FIFO\), not a file$/m);
      assert.deepEqual(JSON.parse(run.stdout), [], 'configs/ok.vpnconn.yaml was checked and is clean');
    });
  });

  describe('a symlink to /dev/zero', () => {
    beforeEach(function () {
      if (IS_WINDOWS || !existsSync('/dev/zero')) this.skip();
    });

    it('named on the command line: followed, refused as "a character device", exit 2 at once, nothing read (built CLI)', () => {
      symlinkSync('/dev/zero', path.join(dir, 'zero.vpnconn.yaml'));
      const run = validateChild(['zero.vpnconn.yaml'], dir);
      assertQuickExit2(run);
      assert.match(run.stderr, /^tcvpn validate: zero\.vpnconn\.yaml: is a character device, not a file$/m);
    });

    it('inside a folder given: skipped as a symlink leading outside the folder, never read (built CLI)', () => {
      write('configs/ok.vpnconn.yaml', VALID_YAML);
      symlinkSync('/dev/zero', path.join(dir, 'configs/zero.vpnconn.yaml'));
      const run = validateChild(['configs'], dir);
      assertQuickExit2(run);
      assert.match(
        run.stderr,
        /^tcvpn validate: configs\/zero\.vpnconn\.yaml: skipped: a symlink to a character device outside the folder configs, not followed$/m,
      );
      assert.match(run.stderr, /0 errors, 0 warnings in 1 file/);
    });
  });

  describe('a symlink in the folder to a file outside it', () => {
    /** In the outside file's key and id, so any message about the file would quote it. */
    const MARKER = 'OutsideSecret7f3c9a';
    const outsideText = `VpnGatewayId: vpngw-${MARKER}\n${MARKER}: 1\n`;
    let outside: string;
    beforeEach(function () {
      if (IS_WINDOWS) this.skip();
      outside = write(`elsewhere/${MARKER}.vpnconn.yaml`, outsideText);
      write('configs/ok.vpnconn.yaml', VALID_YAML);
      symlinkSync(outside, path.join(dir, 'configs/linked.vpnconn.yaml'));
    });

    it("control: read when named on the command line, the outside file's findings quote the marker", async () => {
      const run = await validate(['configs/linked.vpnconn.yaml'], dir);
      assert.equal(run.code, 1);
      assert.match(run.stdout, new RegExp(MARKER), 'without this, the tests below would prove nothing');
    });

    for (const format of ['text', 'json', 'sarif'] as const)
      it(`is skipped with a note, never read: the marker is in no ${format} output, and the rest is checked (exit 2)`, async () => {
        const run = await validate(['--format', format, 'configs'], dir);
        assert.equal(run.code, 2, run.stdout + run.stderr);
        assert.doesNotMatch(run.stdout, new RegExp(MARKER));
        assert.doesNotMatch(run.stderr, new RegExp(MARKER));
        assert.match(
          run.stderr,
          /^tcvpn validate: configs\/linked\.vpnconn\.yaml: skipped: a symlink to a file outside the folder configs, not followed \(name that file on the command line to check it\)$/m,
        );
        if (format === 'json') assert.deepEqual(findingsOf(run), []);
        if (format === 'sarif') {
          const invocation = JSON.parse(run.stdout).runs[0].invocations[0];
          assert.deepEqual(
            invocation.toolExecutionNotifications.map((notification: { message: { text: string } }) =>
              notification.message.text.replace(/:.*/, ''),
            ),
            ['configs/linked.vpnconn.yaml'],
          );
        }
        if (format === 'text') assert.match(run.stderr, /0 errors, 0 warnings in 1 file/);
      });

    it('through a glob too: skipped, never read (the glob is held to the folder before its wildcard)', async () => {
      const run = await validate(['--format', 'json', 'configs/*.vpnconn.yaml'], dir);
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.doesNotMatch(run.stdout + run.stderr, new RegExp(MARKER));
      assert.match(
        run.stderr,
        /configs\/linked\.vpnconn\.yaml: skipped: a symlink to a path outside the folder configs, not followed/,
      );
    });
  });

  describe('a symlinked folder', () => {
    beforeEach(function () {
      if (IS_WINDOWS) this.skip();
      write('configs/real/a.vpnconn.yaml', 'VpnConnectionName: a\n');
      symlinkSync('real', path.join(dir, 'configs/alias'));
      // A loop back to the folder given: entered once, not forever.
      symlinkSync('..', path.join(dir, 'configs/real/up'));
    });

    it('each file is checked once, shown by its path without the symlink (a directory argument)', async () => {
      const run = await validate(['--format', 'json', 'configs'], dir);
      assert.deepEqual([...new Set(findingsOf(run).map((finding) => finding.file))], ['configs/real/a.vpnconn.yaml']);
      const text = await validate(['configs'], dir);
      assert.match(text.stderr, /in 1 file\n$/);
      assert.equal(text.stdout.split('\n').filter((line) => line.includes('VpnGatewayId')).length, 1, text.stdout);
    });

    it('each file is checked once through a glob and when named twice by different paths', async () => {
      const run = await validate(['configs/**/*.vpnconn.yaml', 'configs/alias/a.vpnconn.yaml'], dir);
      assert.match(run.stderr, /in 1 file\n$/, run.stderr);
      assert.ok(run.stdout.split('\n').every((line) => line === '' || line.startsWith('configs/real/a.vpnconn.yaml:')));
    });

    it('a folder given through a symlink is walked as the folder it leads to', async () => {
      symlinkSync(path.join(dir, 'configs'), path.join(dir, 'shortcut'));
      const run = await validate(['--format', 'json', 'shortcut'], dir);
      assert.deepEqual([...new Set(findingsOf(run).map((finding) => finding.file))], ['shortcut/real/a.vpnconn.yaml']);
    });
  });

  describe('an unreadable folder', () => {
    /** node's file system, except that listing `locked` fails as it does for a folder without read permission. */
    const lockedFileSystem = (locked: string): InputFileSystem => ({
      ...NODE_INPUT_FILE_SYSTEM,
      readdir: async (folder) => {
        if (path.resolve(folder) === path.resolve(locked))
          throw Object.assign(new Error(`EACCES: permission denied, scandir '${folder}'`), { code: 'EACCES' });
        return NODE_INPUT_FILE_SYSTEM.readdir(folder);
      },
    });

    it('given as the argument: reported as unreadable (permission denied), not as "no file here" (simulated)', async () => {
      write('locked/a.vpnconn.yaml', VALID_YAML);
      const inputs = await resolveInputs(['locked'], dir, lockedFileSystem(path.join(dir, 'locked')));
      assert.deepEqual(inputs.files, []);
      assert.deepEqual(inputs.problems, [
        { displayPath: 'locked', message: 'unreadable folder: permission denied (EACCES); its files were not checked' },
      ]);
    });

    it('inside the folder given: reported as unreadable, the readable files still listed (simulated)', async () => {
      write('configs/ok.vpnconn.yaml', VALID_YAML);
      write('configs/locked/a.vpnconn.yaml', VALID_YAML);
      const inputs = await resolveInputs(['configs'], dir, lockedFileSystem(path.join(dir, 'configs/locked')));
      assert.deepEqual(
        inputs.files.map((file) => file.displayPath),
        ['configs/ok.vpnconn.yaml'],
      );
      assert.deepEqual(inputs.problems, [
        {
          displayPath: 'configs/locked',
          message: 'unreadable folder: permission denied (EACCES); its files were not checked',
        },
      ]);
    });

    it('with chmod 000, end to end: exit 2 and "unreadable folder: permission denied" (as root: run as nobody)', function () {
      if (IS_WINDOWS) this.skip();
      write('configs/ok.vpnconn.yaml', VALID_YAML);
      write('configs/locked/a.vpnconn.yaml', VALID_YAML);
      let as: { uid?: number; gid?: number } = {};
      if (IS_ROOT) {
        // chmod 000 does not stop root, so the CLI runs as the unprivileged user nobody, where it does.
        as = { uid: 65534, gid: 65534 };
        chmodSync(dir, 0o755);
        execFileSync('chmod', ['-R', 'a+rX', dir]);
        const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(CLI)})`], as);
        if (probe.status !== 0) {
          // The checkout is not readable by nobody (a private home folder): nothing to run the CLI as.
          this.skip();
        }
      }
      chmodSync(path.join(dir, 'configs/locked'), 0o000);
      const run = validateChild(['configs'], dir, as);
      assertQuickExit2(run);
      assert.match(
        run.stderr,
        /^tcvpn validate: configs\/locked: unreadable folder: permission denied \(EACCES\); its files were not checked$/m,
      );
      assert.doesNotMatch(run.stderr, /no \*\.vpnconn\.json/);
      assert.match(run.stderr, /0 errors, 0 warnings in 1 file/);
    });
  });

  it('an empty file: refused as empty (exit 2), as submit refuses it, and the other files are checked', async () => {
    write('empty.vpnconn.yaml', '');
    write('blank.vpnconn.json', '\n  \n');
    write('ok.vpnconn.yaml', VALID_YAML);
    const run = await validate(['.'], dir);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /^tcvpn validate: empty\.vpnconn\.yaml: is empty: it holds no document$/m);
    assert.match(run.stderr, /^tcvpn validate: blank\.vpnconn\.json: is empty: it holds no document$/m);
    assert.match(run.stderr, /0 errors, 0 warnings in 1 file/);
  });

  it('a binary file: refused as binary (exit 2), no syntax noise', async () => {
    write('image.vpnconn.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const run = await validate(['--format', 'json', 'image.vpnconn.json'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^tcvpn validate: image\.vpnconn\.json: binary file \(NUL byte at offset 8\)/m);
    assert.deepEqual(findingsOf(run), []);
  });

  it(`a file over the cap (MAX_INPUT_BYTES = ${MAX_INPUT_BYTES} bytes): refused as too large before it is read (built CLI)`, () => {
    const big = path.join(dir, 'big.vpnconn.yaml');
    writeFileSync(big, '');
    truncateSync(big, MAX_INPUT_BYTES + 1);
    const run = validateChild(['big.vpnconn.yaml'], dir);
    assertQuickExit2(run);
    assert.match(
      run.stderr,
      new RegExp(
        `^tcvpn validate: big\\.vpnconn\\.yaml: ${escape('is too large: 20,971,521 bytes, over the limit of 20,971,520 bytes (20 MiB)')}$`,
        'm',
      ),
    );
  });
});
