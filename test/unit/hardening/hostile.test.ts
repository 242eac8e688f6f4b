/**
 * Hostile documents over stdio against the built server: 50 MB, 100,000 keys, 10,000 levels of nesting, a 1 MB
 * line, a YAML alias bomb, NUL bytes, a byte order mark, CRLF and mixed line ends. Each must get a diagnostic that
 * says what is wrong (or the "file too large" notice), the server must log no error and stay alive, and after
 * each one it must answer a formatting request for it and still answer a hover on an ordinary file within a second.
 *
 * The deadlines bound a hang, they are not speed claims (`npm run bench` measures speed).
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { fromVersion, startOurServer, type LspTestClient } from '../../support/lsp';
import * as hostile from './support/hostile';

type Kind = 'json' | 'yaml';
interface HostileCase {
  name: string;
  kind: Kind;
  text: () => string;
  /** What the diagnostics must show: a check that fails with a message saying what was missing. */
  expect: (diagnostics: Diagnostic[]) => void;
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));
const hasCode = (code: string) => (diagnostics: Diagnostic[]) =>
  assert.ok(codes(diagnostics).includes(code), `no ${code} among ${[...new Set(codes(diagnostics))].join(', ')}`);
const NESTING = /Nesting deeper than 1000 levels|Nesting too deep for the YAML parser/;
/** LSP 3.18 types allow MarkupContent messages; the server sends strings. */
const messageOf = (diagnostic: Diagnostic): string =>
  typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;

const CASES: HostileCase[] = [
  {
    name: '50 MB of JSON',
    kind: 'json',
    text: () => hostile.hugeJson(50 * 1024 * 1024),
    expect: hasCode('file-too-large'),
  },
  {
    name: '6 MB of YAML',
    kind: 'yaml',
    text: () => hostile.hugeYaml(6 * 1024 * 1024),
    expect: hasCode('file-too-large'),
  },
  ...(['json', 'yaml'] as const).map((kind) => ({
    name: `100,000 unknown keys (${kind})`,
    kind,
    text: () => hostile.manyKeys(100_000, kind),
    expect: (diagnostics: Diagnostic[]) =>
      assert.equal(codes(diagnostics).filter((code) => code === 'UnknownParameter').length, 100_000),
  })),
  {
    name: '10,000 nested arrays (json)',
    kind: 'json',
    text: () => hostile.deepNesting(10_000, 'json'),
    expect: (d) =>
      assert.ok(
        d.some((x) => x.code === 'nesting-limit' && NESTING.test(messageOf(x))),
        JSON.stringify(d),
      ),
  },
  {
    name: '10,000 nested objects (json)',
    kind: 'json',
    text: () => hostile.deepObjects(10_000),
    expect: (d) =>
      assert.ok(
        d.some((x) => x.code === 'nesting-limit'),
        JSON.stringify(d),
      ),
  },
  {
    name: '10,000 nested flow sequences (yaml)',
    kind: 'yaml',
    text: () => hostile.deepNesting(10_000, 'yaml'),
    expect: (d) =>
      assert.ok(
        d.some((x) => NESTING.test(messageOf(x))),
        JSON.stringify(d),
      ),
  },
  ...(['json', 'yaml'] as const).map((kind) => ({
    name: `a line of 1 MB (${kind})`,
    kind,
    text: () => hostile.longLine(1024 * 1024, kind),
    expect: hasCode('InvalidParameterValue.TooLong'),
  })),
  { name: 'a YAML alias bomb', kind: 'yaml', text: () => hostile.aliasBomb(), expect: hasCode('yaml.alias-limit') },
  {
    name: 'NUL bytes (json)',
    kind: 'json',
    text: () => '{"VpnConnectionName": "a\u0000b",\u0000 "VpcId": "vpc-1"}',
    expect: hasCode('json.InvalidCharacter'),
  },
  {
    name: 'NUL bytes (yaml)',
    kind: 'yaml',
    text: () => 'VpnConnectionName: a\u0000b\nVpcId: vpc-1\n',
    expect: hasCode('yaml.control-character'),
  },
  {
    name: 'a byte order mark (json)',
    kind: 'json',
    text: () => '\uFEFF{"VpnConnectionName": "a"}',
    expect: (d) => {
      assert.deepEqual(
        codes(d).filter((code) => code.startsWith('json.')),
        [],
        'the BOM is reported as a syntax error',
      );
      hasCode('MissingParameter')(d);
    },
  },
  {
    name: 'a byte order mark (yaml)',
    kind: 'yaml',
    text: () => '\uFEFFVpnConnectionName: a\n',
    expect: (d) =>
      assert.deepEqual(
        codes(d).filter((code) => code.startsWith('yaml.')),
        [],
      ),
  },
  {
    name: 'CRLF line ends (yaml)',
    kind: 'yaml',
    text: () => 'VpnConnectionName: a\r\nRouteType: static\r\n',
    expect: (d) =>
      assert.ok(
        d.some((x) => x.code === 'InvalidParameterValue' && x.range.start.line === 1 && x.range.start.character === 11),
        JSON.stringify(d),
      ),
  },
  {
    name: 'mixed line ends (json)',
    kind: 'json',
    text: () => '{"VpnConnectionName": "a",\r"VpcId": "vpc-1",\r\n"RouteType": "static"\n}',
    expect: (d) =>
      assert.ok(
        d.some((x) => x.code === 'InvalidParameterValue' && x.range.start.line === 2 && x.range.start.character === 13),
        JSON.stringify(d),
      ),
  },
];

const ORDINARY_URI = 'file:///hostile/ordinary.vpnconn.yaml';

describe('hardening: hostile documents over stdio', function () {
  this.timeout(180_000);
  let driver: LspTestClient;

  before(async () => {
    driver = await startOurServer({ settings: { tencentcloudVpn: {} } });
    const mark = driver.mark();
    await driver.open(ORDINARY_URI, 'tencentcloud-vpn-yaml', 'VpnGatewayId: vpngw-1w9tue3d\n');
    await driver.diagnostics(ORDINARY_URI, fromVersion(1), { since: mark, timeoutMs: 10_000 });
  });
  after(async () => {
    await driver?.stop();
  });

  CASES.forEach((hostileCase, index) => {
    it(`${hostileCase.name}: a clear diagnostic, and the server keeps answering`, async () => {
      const uri = `file:///hostile/case-${index}.vpnconn.${hostileCase.kind}`;
      const mark = driver.mark();
      await driver.open(uri, `tencentcloud-vpn-${hostileCase.kind}`, hostileCase.text());
      const published = await driver.diagnostics(uri, fromVersion(1), { since: mark, timeoutMs: 60_000 });
      hostileCase.expect(published.diagnostics);
      // Formatting re-indents the whole text: it must decline what it cannot afford rather than exhaust the heap.
      await driver.request(
        'textDocument/formatting',
        { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } },
        30_000,
      );
      const hover = await driver.request<Hover | null>(
        'textDocument/hover',
        { textDocument: { uri: ORDINARY_URI }, position: { line: 0, character: 3 } },
        1000,
      );
      assert.ok(hover, 'no hover on the ordinary file after the hostile one');
      await driver.close(uri);
      assert.deepEqual(driver.errorLogs, [], 'the server logged an error');
      assert.equal(driver.child.exitCode, null, 'the server exited');
    });
  });
});
