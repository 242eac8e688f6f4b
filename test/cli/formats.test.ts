/**
 * `tcvpn validate` output formats: text lines, the stable JSON array, and message language. SARIF has its own file.
 */
import * as assert from 'node:assert/strict';
import { findingsOf, linesOf, validate } from './support/runCli';

describe('tcvpn validate: output formats', () => {
  it('text prints file:line:col: severity code message with 1-based positions, sorted by file and position', async () => {
    const run = await validate(['errors/missing-and-unknown.vpnconn.json', 'errors/bad-enum.vpnconn.yaml']);
    const lines = linesOf(run.stdout);
    assert.equal(lines.length, 3, run.stdout);
    assert.match(lines[0], /^errors\/bad-enum\.vpnconn\.yaml:5:12: error InvalidParameterValue .*"static".*STATIC/);
    assert.match(lines[1], /^errors\/missing-and-unknown\.vpnconn\.json:1:1: error MissingParameter .*PreShareKey/);
    assert.match(lines[2], /^errors\/missing-and-unknown\.vpnconn\.json:5:3: error UnknownParameter .*RoutType/);
  });

  it('text output keeps stdout to findings and prints the summary on stderr', async () => {
    const run = await validate(['errors/bad-enum.vpnconn.yaml', 'warnings/dpd-off.vpnconn.yaml']);
    assert.ok(
      linesOf(run.stdout).every((line) => /^[^:]+:\d+:\d+: (error|warning|information|hint) \S+ /.test(line)),
      run.stdout,
    );
    assert.match(run.stderr, /1 error, 1 warning in 2 files/);
  });

  it('json is an array of {file, range, severity, code, message, source, ruleId} with 1-based line/column', async () => {
    const run = await validate(['--format', 'json', 'errors/missing-and-unknown.vpnconn.json']);
    const findings = findingsOf(run);
    assert.deepEqual(Object.keys(findings[0]), ['file', 'range', 'severity', 'code', 'message', 'source', 'ruleId']);
    const unknown = findings.find((finding) => finding.code === 'UnknownParameter');
    assert.deepEqual(
      unknown?.range,
      { start: { line: 5, column: 3 }, end: { line: 5, column: 13 } },
      'the range underlines "RoutType" with its quotes',
    );
    assert.equal(unknown?.file, 'errors/missing-and-unknown.vpnconn.json');
    assert.equal(unknown?.severity, 'error');
    assert.equal(unknown?.source, 'tencentcloud-vpn');
  });

  it('json output is the same bytes whatever the order of the arguments', async () => {
    const files = [
      'mixed',
      'errors/bad-enum.vpnconn.yaml',
      'warnings/dpd-off.vpnconn.yaml',
      'errors/missing-and-unknown.vpnconn.json',
    ];
    const forward = await validate(['--format=json', ...files]);
    const backward = await validate(['--format=json', ...[...files].reverse()]);
    assert.equal(forward.stdout, backward.stdout);
    const keys = findingsOf(forward).map(
      (f) => [f.file, (f.range as { start: { line: number; column: number } }).start.line] as const,
    );
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    assert.deepEqual(keys, sorted, 'sorted by file, then position');
    assert.ok(keys.length >= 4);
  });

  it('json output for clean files is an empty array, not nothing', async () => {
    const run = await validate(['--format', 'json', 'valid']);
    assert.deepEqual(JSON.parse(run.stdout), []);
    assert.equal(run.code, 0);
  });

  it('--lang zh gives Chinese messages and --lang en English ones, with the same codes', async () => {
    const zh = findingsOf(
      await validate(['--format', 'json', '--lang', 'zh', 'errors/missing-and-unknown.vpnconn.json']),
    );
    const en = findingsOf(
      await validate(['--format', 'json', '--lang', 'en', 'errors/missing-and-unknown.vpnconn.json']),
    );
    assert.deepEqual(
      zh.map((f) => f.code),
      en.map((f) => f.code),
    );
    assert.ok(
      zh.every((f) => /[\u4e00-\u9fff]/.test(String(f.message))),
      JSON.stringify(zh),
    );
    assert.ok(
      en.every((f) => !/[\u4e00-\u9fff]/.test(String(f.message))),
      JSON.stringify(en),
    );
  });

  it('without --lang a zh_CN locale gives Chinese messages', async () => {
    const run = await validate(['--format', 'json', 'errors/bad-enum.vpnconn.yaml'], undefined, {
      LANG: 'zh_CN.UTF-8',
    });
    assert.match(String(findingsOf(run)[0].message), /[\u4e00-\u9fff]/);
  });
});
