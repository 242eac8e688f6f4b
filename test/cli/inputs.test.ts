/**
 * What `tcvpn validate` checks: globs, directories, files outside the working directory, binary and
 * non-UTF-8 files, and files of 5 MB.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI_FIXTURES, findingsOf, linesOf, validate, type CliRun } from './support/runCli';

const filesOf = (run: CliRun) => [...new Set(findingsOf(run).map((finding) => finding.file))];

describe('tcvpn validate: inputs', () => {
  it('expands a quoted glob itself, across folders with **', async () => {
    const run = await validate(['--format', 'json', '**/*.vpnconn.json']);
    assert.deepEqual(filesOf(run), ['errors/missing-and-unknown.vpnconn.json', 'mixed/nested/b.vpnconn.json']);
    assert.equal(run.code, 2, 'the binary fixture matched by the glob is reported');
    assert.match(run.stderr, /binary\/image\.vpnconn\.json: binary file/);
  });

  it('expands brace globs and keeps only .json/.yaml/.yml matches', async () => {
    const run = await validate(['--format', 'json', '{errors,unsupported}/*']);
    assert.deepEqual(filesOf(run), ['errors/bad-enum.vpnconn.yaml', 'errors/missing-and-unknown.vpnconn.json']);
    assert.doesNotMatch(run.stderr, /tunnel\.vpnconn\.txt/, 'a glob is not an explicit request for a .txt file');
    assert.equal(run.code, 1);
  });

  it('reports a glob that matches nothing as an input problem (exit 2), not as success', async () => {
    const run = await validate(['nothing-here/*.vpnconn.yaml']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /nothing-here\/\*\.vpnconn\.yaml: no \.json, \.yaml or \.yml file matches this glob/);
  });

  it('checks each file once when a glob and a path name the same file', async () => {
    const run = await validate(['errors/bad-enum.vpnconn.yaml', 'errors/*.yaml', './errors/bad-enum.vpnconn.yaml']);
    assert.equal(linesOf(run.stdout).length, 1);
  });

  it('a directory means the *.vpnconn.{json,yaml,yml} files under it, nested ones included', async () => {
    const run = await validate(['--format', 'json', 'mixed']);
    assert.deepEqual(filesOf(run), ['mixed/nested/b.vpnconn.json']);
    const text = await validate(['mixed']);
    assert.match(
      text.stderr,
      /1 error, 0 warnings in 2 files/,
      'a.vpnconn.yml (clean) and nested/b.vpnconn.json, not notes.json',
    );
    assert.equal(run.code, 1);
  });

  it('a directory without VPN files is an input problem', async () => {
    const run = await validate(['unsupported']);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /unsupported: no \*\.vpnconn\.json, \*\.vpnconn\.yaml or \*\.vpnconn\.yml file in this directory/,
    );
  });

  it('names files outside the working directory by their absolute path', async () => {
    // A fresh empty folder: os.tmpdir() itself may hold the clone (CI checks out under /tmp).
    const outside = mkdtempSync(path.join(os.tmpdir(), 'tcvpn-outside-'));
    try {
      const run = await validate(
        ['--format', 'json', path.join(CLI_FIXTURES, 'errors/bad-enum.vpnconn.yaml')],
        outside,
      );
      assert.deepEqual(filesOf(run), [path.join(CLI_FIXTURES, 'errors/bad-enum.vpnconn.yaml')]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  for (const [file, reason] of [
    ['binary/image.vpnconn.json', /binary file \(NUL byte at offset 8\)/],
    ['binary/utf16.vpnconn.yaml', /UTF-16 text is not supported: save the file as UTF-8/],
    ['binary/gbk.vpnconn.yaml', /not valid UTF-8 text \(first bad byte at offset 19\)/],
  ] as const) {
    it(`refuses ${file} with a clear reason instead of syntax noise, and checks the rest`, async () => {
      const run = await validate([file, 'errors/bad-enum.vpnconn.yaml']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, new RegExp(`^tcvpn validate: ${file.replace(/\./g, '\\.')}: ${reason.source}`, 'm'));
      assert.deepEqual(
        linesOf(run.stdout).map((line) => line.split(':')[0]),
        ['errors/bad-enum.vpnconn.yaml'],
      );
    });
  }

  describe('large files', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'tcvpn-cli-large-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('checks a 5 MB JSON file fully and reports an error near its end at the right line', async () => {
      // 5,000,000 bytes: a valid document whose padding is blank lines, then an unknown key on the last member line.
      const head =
        '{\n  "VpnGatewayId": "vpngw-1w9tue3d",\n  "CustomerGatewayId": "cgw-qa9sxpy7",\n  "VpnConnectionName": "big",\n  "PreShareKey": "6325ac",';
      const tail = '\n  "Unknwn": 1\n}\n';
      const padding = '\n'.repeat(5_000_000 - head.length - tail.length);
      writeFileSync(path.join(dir, 'big.vpnconn.json'), head + padding + tail);
      const run = await validate(['--format', 'json', 'big.vpnconn.json'], dir);
      const findings = findingsOf(run);
      assert.deepEqual(
        findings.map((f) => f.code),
        ['UnknownParameter'],
      );
      const expectedLine = (head + padding).split('\n').length + 1;
      assert.deepEqual((findings[0].range as { start: unknown }).start, { line: expectedLine, column: 3 });
      assert.equal(run.code, 1);
    });

    it('passes the service\'s "too large for full analysis" verdict through for a file above its limit', async () => {
      const text = `# padding\n${'#'.repeat(6 * 1024 * 1024)}\nVpnConnectionName: huge\n`;
      writeFileSync(path.join(dir, 'huge.vpnconn.yaml'), text);
      const run = await validate(['--format', 'json', 'huge.vpnconn.yaml'], dir);
      const findings = findingsOf(run);
      assert.ok(findings.length >= 1, run.stdout + run.stderr);
      assert.ok(findings.every((finding) => finding.file === 'huge.vpnconn.yaml'));
      assert.ok(
        findings.some((finding) => finding.code === 'file-too-large' && finding.severity === 'warning'),
        JSON.stringify(findings),
      );
      assert.equal(run.code, 0, 'a warning alone does not fail the run');
    });
  });
});
