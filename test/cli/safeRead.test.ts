/**
 * cli/safeRead.ts, the one reader of `tcvpn validate` and `tcvpn submit`: what it refuses, by name, and that the
 * asynchronous and synchronous readers agree on every case. The end-to-end runs of the CLI on the same hostile
 * inputs are in hostileInputs.test.ts.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_ANALYSIS_SIZE } from '../../language/parsing/parseCache';
import {
  MAX_INPUT_BYTES,
  decodeInputText,
  readInputFile,
  readInputFileSync,
  type SafeReadOptions,
  type SafeReadResult,
} from '../../cli/safeRead';

const IS_WINDOWS = process.platform === 'win32';
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

/** Both readers on one path; they must give the same result. */
async function readBoth(file: string, options?: SafeReadOptions): Promise<SafeReadResult> {
  const async = await readInputFile(file, options);
  const sync = readInputFileSync(file, options);
  assert.deepEqual(sync, async, 'readInputFileSync and readInputFile disagree');
  return async;
}

function assertRefused(result: SafeReadResult, reason: string, message: RegExp): void {
  assert.equal(result.ok, false, `expected a refusal, got text: ${JSON.stringify(result).slice(0, 200)}`);
  if (result.ok) return;
  assert.equal(result.reason, reason, result.message);
  assert.match(result.message, message);
}

describe('cli/safeRead: reading an input file', function () {
  this.timeout(20_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tcvpn-saferead-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer): string => {
    const target = path.join(dir, name);
    writeFileSync(target, content);
    return target;
  };

  it('reads a regular UTF-8 file and drops its byte order mark', async () => {
    const result = await readBoth(file('ok.vpnconn.yaml', '\ufeffVpnConnectionName: ok\n'));
    assert.deepEqual(result, { ok: true, text: 'VpnConnectionName: ok\n' });
  });

  it('refuses a named pipe (FIFO) by name, at once, without waiting for a writer', async function () {
    if (IS_WINDOWS) this.skip();
    const fifo = path.join(dir, 'pipe.vpnconn.yaml');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    assertRefused(await readBoth(fifo), 'not-a-file', /^is a named pipe \(FIFO\), not a file$/);
    assert.ok(Date.now() - started < 2_000, 'reading a FIFO must not wait for a writer');
  });

  it('refuses a character device (/dev/zero), named directly or through a symlink, by name', async function () {
    if (!existsSync('/dev/zero')) this.skip();
    assertRefused(await readBoth('/dev/zero'), 'not-a-file', /^is a character device, not a file$/);
    const link = path.join(dir, 'zero.vpnconn.yaml');
    symlinkSync('/dev/zero', link);
    assertRefused(await readBoth(link), 'not-a-file', /^is a character device, not a file$/);
  });

  it('refuses a directory by name', async () => {
    const folder = path.join(dir, 'folder.vpnconn.json');
    mkdirSync(folder);
    assertRefused(await readBoth(folder), 'not-a-file', /^is a directory, not a file$/);
  });

  it('refuses a Unix socket by name', async function () {
    if (IS_WINDOWS) this.skip();
    const socketPath = path.join(dir, 'socket.vpnconn.yaml');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      assertRefused(await readBoth(socketPath), 'not-a-file', /^is a socket, not a file$/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses a missing file as missing', async () => {
    assertRefused(await readBoth(path.join(dir, 'nothing.vpnconn.yaml')), 'missing', /^no such file$/);
  });

  it('refuses an unreadable file as "permission denied" (skipped as root, where chmod 000 does not stop reading)', async function () {
    if (IS_WINDOWS || IS_ROOT) this.skip();
    const locked = file('locked.vpnconn.yaml', 'VpnConnectionName: x\n');
    execFileSync('chmod', ['000', locked]);
    assertRefused(await readBoth(locked), 'unreadable', /^permission denied$/);
  });

  it('refuses a file over the size limit from its size, before reading it', async () => {
    const big = file('big.vpnconn.yaml', `# ${'x'.repeat(100)}\n`);
    assertRefused(
      await readBoth(big, { maxBytes: 64 }),
      'too-large',
      /^is too large: 103 bytes, over the limit of 64 bytes$/,
    );
  });

  it('refuses a file over the real limit (a sparse file of MAX_INPUT_BYTES + 1 bytes) without reading it', async () => {
    const sparse = path.join(dir, 'sparse.vpnconn.yaml');
    writeFileSync(sparse, '');
    truncateSync(sparse, MAX_INPUT_BYTES + 1);
    assertRefused(
      await readBoth(sparse),
      'too-large',
      /^is too large: 20,971,521 bytes, over the limit of 20,971,520 bytes \(20 MiB\)$/,
    );
  });

  it('stops a file that reports a smaller size than it has (a /proc file reports 0) at the limit', async function () {
    const proc = '/proc/self/status';
    if (!existsSync(proc) || statSync(proc).size !== 0) this.skip();
    assertRefused(
      await readBoth(proc, { maxBytes: 16 }),
      'too-large',
      /grew past the limit of 16 bytes while it was read/,
    );
    const whole = await readInputFile(proc);
    assert.ok(
      whole.ok && whole.text.includes('Name:'),
      'below the limit the whole file is read, whatever its size says',
    );
  });

  it('refuses an empty file, and one holding only whitespace or a byte order mark, as empty', async () => {
    for (const [name, content] of [
      ['empty.vpnconn.yaml', ''],
      ['blank.vpnconn.json', ' \n\t\r\n'],
      ['bom.vpnconn.yaml', '\ufeff\n'],
    ] as const)
      assertRefused(await readBoth(file(name, content)), 'empty', /^is empty: it holds no document$/);
  });

  it('reads a file that holds only a comment: it is not empty, the language service judges it', async () => {
    assert.deepEqual(await readBoth(file('comment.vpnconn.yaml', '# nothing yet\n')), {
      ok: true,
      text: '# nothing yet\n',
    });
  });

  it('refuses a binary file (a NUL byte), UTF-16 and invalid UTF-8 with the offset', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
    assertRefused(await readBoth(file('image.vpnconn.json', png)), 'binary', /^binary file \(NUL byte at offset 8\)/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('A: 1\n', 'utf16le')]);
    assertRefused(await readBoth(file('utf16.vpnconn.yaml', utf16)), 'encoding', /^UTF-16 text is not supported/);
    const gbk = Buffer.concat([Buffer.from('VpnConnectionName: '), Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x0a])]);
    assertRefused(
      await readBoth(file('gbk.vpnconn.yaml', gbk)),
      'encoding',
      /^not valid UTF-8 text \(first bad byte at offset 19\)$/,
    );
  });

  it('decodeInputText gives the same verdicts on bytes', () => {
    assert.deepEqual(decodeInputText(Buffer.from('a: 1\n')), { ok: true, text: 'a: 1\n' });
    assert.equal((decodeInputText(Buffer.alloc(0)) as { reason: string }).reason, 'empty');
    assert.equal((decodeInputText(Buffer.from([0x61, 0x00])) as { reason: string }).reason, 'binary');
  });

  it('the limit is 4 × the analysis limit: above every text the library analyses fully (3 bytes a code unit)', () => {
    assert.equal(MAX_INPUT_BYTES, 4 * MAX_ANALYSIS_SIZE);
    assert.ok(MAX_INPUT_BYTES >= 3 * MAX_ANALYSIS_SIZE + 3, 'a UTF-8 text of MAX_ANALYSIS_SIZE code units fits');
  });
});
