/**
 * `--format sarif`: a SARIF 2.1.0 log that code-scanning tools accept, checked against the SARIF 2.1.0 JSON schema
 * and for the content those tools read (rule ids, descriptions and help links, levels, relative artifact URIs,
 * 1-based regions).
 */
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { CLI_FIXTURES, validate } from './support/runCli';
import { sarifViolations } from './support/sarifShape';
import { RULES } from '../../language/rules/registry';

async function sarifOf(args: string[], cwd?: string): Promise<{ code: number; log: Sarif.Log; run: Sarif.Run }> {
  const result = await validate(['--format', 'sarif', ...args], cwd);
  const log = JSON.parse(result.stdout) as Sarif.Log;
  return { code: result.code, log, run: log.runs[0] };
}

describe('tcvpn validate --format sarif', () => {
  it('writes a log that conforms to the SARIF 2.1.0 shape', async () => {
    const { log } = await sarifOf(['errors', 'warnings/dpd-off.vpnconn.yaml', 'binary/image.vpnconn.json']);
    assert.deepEqual(sarifViolations(log), []);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  });

  it('the schema check itself catches a broken log (missing message, bad level, stray property, bad rule index)', () => {
    const broken = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'x', rules: [{ id: 'a' }] } },
          results: [
            {
              ruleId: 'b',
              ruleIndex: 0,
              level: 'fatal',
              locations: [{ physicalLocation: { artifactLocation: { uri: 'a b.json' }, region: { startLine: 0 } } }],
              extra: 1,
            },
          ],
        },
      ],
    };
    const violations = sarifViolations(broken).join('\n');
    for (const expected of [
      /\/runs\/0\/results\/0: must have required property 'message'/,
      /\/runs\/0\/results\/0\/level: must be equal to one of the allowed values/,
      /\/runs\/0\/results\/0: must NOT have additional properties/,
      /\/runs\/0\/results\/0\/ruleIndex: does not point at rule b/,
      /artifactLocation\/uri: must match format "uri-reference"/,
      /region\/startLine: must be >= 1/,
    ]) {
      assert.match(violations, expected);
    }
  });

  it('describes each result with ruleId, rule index, level, message and a 1-based region of a cwd-relative file', async () => {
    const { run, code } = await sarifOf(['errors/bad-enum.vpnconn.yaml', 'warnings/dpd-off.vpnconn.yaml']);
    assert.equal(code, 1);
    assert.equal(run.tool.driver.name, 'tcvpn');
    const rules = run.tool.driver.rules ?? [];
    assert.deepEqual(
      rules.map((rule) => rule.id),
      ['dpd-fields-ignored', 'schema.enum'],
    );
    assert.deepEqual(
      rules.map((rule) => rule.defaultConfiguration?.level),
      ['warning', 'error'],
    );
    const [enumResult, dpdResult] = run.results ?? [];
    assert.equal(enumResult.ruleId, 'schema.enum');
    assert.equal(rules[enumResult.ruleIndex!].id, 'schema.enum');
    assert.equal(enumResult.level, 'error');
    assert.match(enumResult.message.text ?? '', /"static" is not an allowed value of RouteType/);
    assert.deepEqual(enumResult.locations?.[0].physicalLocation, {
      artifactLocation: { uri: 'errors/bad-enum.vpnconn.yaml', uriBaseId: 'SRCROOT' },
      region: { startLine: 5, startColumn: 12, endLine: 5, endColumn: 18 },
    });
    assert.equal(dpdResult.level, 'warning');
    assert.equal(enumResult.properties?.code, 'InvalidParameterValue', 'the API error code travels with the result');
  });

  it('roots relative URIs at the working directory through originalUriBaseIds.SRCROOT', async () => {
    const { run } = await sarifOf(['errors/bad-enum.vpnconn.yaml']);
    assert.equal(run.originalUriBaseIds?.SRCROOT.uri, `${pathToFileURL(CLI_FIXTURES).href}/`);
    assert.equal(run.columnKind, 'utf16CodeUnits');
  });

  it('percent-encodes file names that are not valid URI characters', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tcvpn-sarif-'));
    try {
      cpSync(
        path.join(CLI_FIXTURES, 'errors/bad-enum.vpnconn.yaml'),
        path.join(dir, 'my tunnels/上海 #1.vpnconn.yaml'),
        { recursive: true },
      );
      const { run, log } = await sarifOf(['my tunnels'], dir);
      assert.equal(
        run.results?.[0].locations?.[0].physicalLocation?.artifactLocation?.uri,
        'my%20tunnels/%E4%B8%8A%E6%B5%B7%20%231.vpnconn.yaml',
      );
      assert.deepEqual(sarifViolations(log), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports unreadable inputs as tool execution notifications and marks the run unsuccessful', async () => {
    const { run, code } = await sarifOf(['missing.vpnconn.json', 'binary/image.vpnconn.json', 'valid']);
    assert.equal(code, 2);
    const invocation = run.invocations?.[0];
    assert.equal(invocation?.executionSuccessful, false);
    const texts = (invocation?.toolExecutionNotifications ?? []).map((notification) => notification.message.text);
    assert.deepEqual(texts, [
      'missing.vpnconn.json: no such file or directory',
      'binary/image.vpnconn.json: binary file (NUL byte at offset 8), not JSON or YAML text',
    ]);
  });

  it("names the tool's information page and describes each rule from its documentation, with a help link", async () => {
    const { run, log } = await sarifOf(['errors/bad-enum.vpnconn.yaml', 'warnings/dpd-off.vpnconn.yaml']);
    const { driver } = run.tool;
    assert.ok(driver.informationUri && existsSync(fileURLToPath(driver.informationUri)), driver.informationUri);
    const dpd = driver.rules!.find((rule) => rule.id === 'dpd-fields-ignored')!;
    const registered = RULES.find((rule) => rule.id === 'dpd-fields-ignored')!;
    assert.equal(dpd.shortDescription?.text, registered.summary.en, 'the rules page summary, not the code');
    assert.match(
      dpd.fullDescription?.text ?? '',
      new RegExp(registered.summary.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    );
    // The rule's help link opens its section of the shipped rules page.
    const [page, anchor] = dpd.helpUri!.split('#');
    assert.equal(anchor, 'dpd-fields-ignored');
    assert.ok(readFileSync(fileURLToPath(page), 'utf8').includes('\n### dpd-fields-ignored\n'));
    const schemaEnum = driver.rules!.find((rule) => rule.id === 'schema.enum')!;
    assert.notEqual(schemaEnum.shortDescription?.text, 'InvalidParameterValue');
    assert.match(schemaEnum.helpUri ?? '', /^https:\/\/www\.tencentcloud\.com\/document\/api\/215\//);
    assert.deepEqual(sarifViolations(log), []);
  });

  it('makes one rule per kind of syntax error, each described by its kind', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tcvpn-sarif-'));
    try {
      writeFileSync(path.join(dir, 'a.vpnconn.json'), '{"VpnGatewayId": "vpngw-1", "VpnConnectionName": "x"');
      writeFileSync(path.join(dir, 'b.vpnconn.yaml'), 'VpnGatewayId: vpngw-1\nVpnGatewayId: vpngw-2\n');
      writeFileSync(path.join(dir, 'c.vpnconn.yaml'), 'Tags:\n  - Key: a\n   Value: b\n');
      const { run, log } = await sarifOf(['.'], dir);
      const syntaxResults = (run.results ?? []).filter((result) => /^(syntax\.|duplicate-key)/.test(result.ruleId!));
      const syntaxRules = run.tool.driver.rules!.filter((rule) => /^(syntax\.|duplicate-key)/.test(rule.id));
      const codes = new Set(syntaxResults.map((result) => result.properties?.code));
      assert.ok(codes.size >= 3, `three kinds of syntax error: ${[...codes].join(', ')}`);
      assert.equal(syntaxRules.length, codes.size, 'one rule per kind');
      for (const rule of syntaxRules) {
        assert.equal(rule.name, rule.properties?.code);
        assert.ok(rule.shortDescription?.text && rule.shortDescription.text !== rule.name, rule.id);
      }
      assert.deepEqual(sarifViolations(log), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a clean run has empty results and rules and a successful invocation', async () => {
    const { run, code } = await sarifOf(['valid']);
    assert.equal(code, 0);
    assert.deepEqual(run.results, []);
    assert.deepEqual(run.tool.driver.rules, []);
    assert.equal(run.invocations?.[0].executionSuccessful, true);
  });
});
