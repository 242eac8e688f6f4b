/**
 * Tokenizes sample files with VS Code's own TextMate engine (vscode-textmate + vscode-oniguruma) and checks the
 * scopes a theme would colour. Neither package is a dependency of ours: the test borrows the copies inside the
 * code-server that the editor tier installs (scripts/vscode-runtime/install.sh, TCVPN_RUNTIME_DIR), or a folder
 * named by TCVPN_TEXTMATE_MODULES, and is skipped, saying why, when neither is there.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { manifest, ROOT } from './grammarSupport';

interface Token {
  text: string;
  scopes: string[];
}
type Tokenize = (text: string) => Token[];

/** The node_modules folder that holds both engines, if any. */
function engineModules(): string | undefined {
  const runtime = process.env.TCVPN_RUNTIME_DIR || join(homedir(), '.cache', 'tcvpn-vscode-runtime');
  const candidates = [
    process.env.TCVPN_TEXTMATE_MODULES,
    join(ROOT, 'node_modules'),
    join(runtime, 'cs', 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules'),
  ];
  return candidates.find(
    (dir) => dir && existsSync(join(dir, 'vscode-textmate')) && existsSync(join(dir, 'vscode-oniguruma')),
  );
}

/** Loads our grammars into a TextMate registry and returns a tokenizer per scope name. */
async function loadTokenizers(modules: string): Promise<Map<string, Tokenize>> {
  const textmate = require(join(modules, 'vscode-textmate'));
  const oniguruma = require(join(modules, 'vscode-oniguruma'));
  const wasm = readFileSync(join(modules, 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const paths = new Map(manifest().contributes.grammars.map((g) => [g.scopeName, join(ROOT, g.path)]));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    // Returning null for any other scope is what makes a stray external include fail here.
    loadGrammar: async (scope: string) => {
      const path = paths.get(scope);
      return path ? textmate.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
  });
  const tokenizers = new Map<string, Tokenize>();
  for (const scope of paths.keys()) {
    const grammar = await registry.loadGrammar(scope);
    tokenizers.set(scope, (text) => {
      let state = textmate.INITIAL;
      const tokens: Token[] = [];
      for (const line of text.split('\n')) {
        const result = grammar.tokenizeLine(line, state);
        for (const token of result.tokens as { startIndex: number; endIndex: number; scopes: string[] }[]) {
          tokens.push({
            text: line.slice(token.startIndex, Math.min(token.endIndex, line.length)),
            scopes: token.scopes,
          });
        }
        state = result.ruleStack;
      }
      return tokens;
    });
  }
  return tokenizers;
}

/** The scopes of the n-th token whose text (trimmed) is exactly `text`. */
function scopesOf(tokens: Token[], text: string, nth = 0): string[] {
  const found = tokens.filter((t) => t.text.trim() === text)[nth];
  assert.ok(found, `no token "${text}" (#${nth}) in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return found.scopes;
}

const API = 'support.function.api-parameter.tcvpn';

const JSON_SAMPLE = `// Office to IDC
{
  /* gateway */ "VpnGatewayId": "vpngw-8ccsnclt",
  "VpnGatewayID": "vpngw-1",
  "PreShareKey": "a\\"b\\q",
  "SecurityPolicyDatabases": [{ "LocalCidrBlock": "10.0.0.0/16", "RemoteCidrBlock": ["192.168.0.0/24"] }],
  "DpdTimeout": "30", "EnableHealthCheck": true, "VpcId": null, "IKESaLifetimeSeconds": 86400
}`;

const YAML_SAMPLE = `%YAML 1.2
--- # office tunnel
VpnGatewayId: vpngw-8ccsnclt   # the gateway
"PreShareKey": 'it''s secret'
VpnGatewayID: vpngw-1
hash: a#b
DpdTimeout: "30"
EnableHealthCheck: true
IKESaLifetimeSeconds: 86400
ip: 10.0.0.1
base: &office 10.0.0.0/16
copy: *office
tagged: !!str 123
SecurityPolicyDatabases:
  - LocalCidrBlock: 10.0.0.0/16
    RemoteCidrBlock: [192.168.0.0/24, "172.16.0.0/16"]
  - {LocalCidrBlock: 10.1.0.0/16, RemoteCidrBlock: [1.2.3.4/32]}
VpnConnectionName: |-
  first: not a key
  # not a comment
VpcId: vpc-1
Tags:
- Key: owner
  Value: netops
...`;

describe("grammars in VS Code's TextMate engine", function () {
  this.timeout(20_000);
  let tokenizers = new Map<string, Tokenize>();

  before(async function () {
    const modules = engineModules();
    // CI installs the runtime before this tier (scripts/test-all.sh), so a missing engine there is a failure.
    assert.ok(
      modules || process.env.CI !== 'true',
      'no vscode-textmate/vscode-oniguruma under CI=true: the runtime install did not run',
    );
    if (!modules) {
      console.log(
        '    (skipped: no vscode-textmate/vscode-oniguruma; run scripts/vscode-runtime/install.sh or set TCVPN_TEXTMATE_MODULES)',
      );
      this.skip();
    }
    tokenizers = await loadTokenizers(modules as string);
  });

  describe('JSON', () => {
    const tokens = (): Token[] => (tokenizers.get('source.json.tcvpn') as Tokenize)(JSON_SAMPLE);

    it('colours // and /* */ comments', () => {
      assert.ok(scopesOf(tokens(), 'Office to IDC').includes('comment.line.double-slash.js'));
      assert.ok(scopesOf(tokens(), 'gateway').includes('comment.block.json'));
    });

    it('scopes keys as support.type.property-name.json and known API parameters distinctly', () => {
      for (const key of ['VpnGatewayId', 'LocalCidrBlock', 'RemoteCidrBlock', 'DpdTimeout']) {
        const scopes = scopesOf(tokens(), key);
        assert.ok(scopes.includes('support.type.property-name.json') && scopes.includes(API), `${key}: ${scopes}`);
      }
      const misspelt = scopesOf(tokens(), 'VpnGatewayID');
      assert.ok(misspelt.includes('support.type.property-name.json') && !misspelt.includes(API));
    });

    it('colours string values, escapes, numbers and constants', () => {
      assert.ok(scopesOf(tokens(), 'vpngw-8ccsnclt').includes('string.quoted.double.json'));
      assert.ok(scopesOf(tokens(), '\\"').includes('constant.character.escape.json'));
      assert.ok(scopesOf(tokens(), '\\q').includes('invalid.illegal.unrecognized-string-escape.json'));
      assert.ok(scopesOf(tokens(), '86400').includes('constant.numeric.json'));
      assert.ok(scopesOf(tokens(), 'true').includes('constant.language.json'));
      assert.ok(scopesOf(tokens(), '30').includes('string.quoted.double.json'), 'DpdTimeout is a string');
    });
  });

  describe('YAML', () => {
    const tokens = (): Token[] => (tokenizers.get('source.yaml.tcvpn') as Tokenize)(YAML_SAMPLE);

    it('colours the directive, document markers and comments', () => {
      assert.ok(scopesOf(tokens(), '---').includes('entity.other.document.begin.yaml'));
      assert.ok(scopesOf(tokens(), '...').includes('entity.other.document.end.yaml'));
      assert.ok(scopesOf(tokens(), 'the gateway').includes('comment.line.number-sign.yaml'));
      assert.ok(scopesOf(tokens(), 'a#b').includes('string.unquoted.plain.out.yaml'));
    });

    it('scopes keys as entity.name.tag.yaml and known API parameters distinctly, also after "- " and in { }', () => {
      assert.ok(scopesOf(tokens(), 'VpnGatewayId').includes(API));
      assert.ok(scopesOf(tokens(), 'PreShareKey').includes(API));
      assert.ok(scopesOf(tokens(), 'LocalCidrBlock', 0).includes(API));
      assert.ok(scopesOf(tokens(), 'Key').includes(API), 'a key after "- " at column 0');
      const all = tokens();
      const dash = all
        .slice(
          0,
          all.findIndex((t) => t.text.trim() === 'Key'),
        )
        .filter((t) => t.text.trim() !== '')
        .at(-1);
      assert.ok(dash?.text === '-' && dash.scopes.includes('punctuation.definition.block.sequence.item.yaml'));
      const inFlow = scopesOf(tokens(), 'LocalCidrBlock', 1);
      assert.ok(
        inFlow.includes('meta.flow-mapping.yaml') && inFlow.includes('entity.name.tag.yaml') && inFlow.includes(API),
      );
      const misspelt = scopesOf(tokens(), 'VpnGatewayID');
      assert.ok(misspelt.includes('entity.name.tag.yaml') && !misspelt.includes(API));
    });

    it('types plain scalars by the YAML 1.2 core schema and keeps addresses strings', () => {
      assert.ok(scopesOf(tokens(), 'true').includes('constant.language.boolean.yaml'));
      assert.ok(scopesOf(tokens(), '86400').includes('constant.numeric.integer.yaml'));
      assert.ok(scopesOf(tokens(), '10.0.0.1').includes('string.unquoted.plain.out.yaml'));
      assert.ok(scopesOf(tokens(), '192.168.0.0/24').includes('string.unquoted.plain.in.yaml'));
      assert.ok(scopesOf(tokens(), '30').includes('string.quoted.double.yaml'));
      assert.ok(scopesOf(tokens(), "''").includes('constant.character.escape.single-quoted.yaml'));
    });

    it('colours anchors, aliases and tags', () => {
      assert.ok(scopesOf(tokens(), 'office', 0).includes('entity.name.type.anchor.yaml'));
      assert.ok(scopesOf(tokens(), 'office', 1).includes('variable.other.alias.yaml'));
      assert.ok(scopesOf(tokens(), '!!str').includes('storage.type.tag-handle.yaml'));
    });

    it("keeps a block scalar's lines text and resumes keys after it", () => {
      assert.ok(scopesOf(tokens(), 'first: not a key').includes('string.unquoted.block.yaml'));
      assert.ok(scopesOf(tokens(), '# not a comment').includes('string.unquoted.block.yaml'));
      assert.ok(scopesOf(tokens(), 'VpcId').includes(API));
    });
  });
});
