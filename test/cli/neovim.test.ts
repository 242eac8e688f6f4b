/**
 * The standalone server driven by an editor other than VS Code: Neovim's built-in LSP client (`nvim --headless`,
 * Debian's package) loads the setup that docs/editors.md shows, opens a file with errors, waits for the
 * diagnostics and asks for completion; a Lua probe writes what Neovim received to a JSON file checked here.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt } from '../support/build';
import { CLI_FIXTURES, REPO_ROOT } from './support/runCli';

const NEOVIM_FIXTURES = path.join(CLI_FIXTURES, 'neovim');
const FIXTURE = path.join(NEOVIM_FIXTURES, 'tunnel.vpnconn.yaml');

interface ProbeReport {
  nvim: string;
  errors: string[];
  attached: boolean;
  languageId?: string;
  gotDiagnostics: boolean;
  published?: {
    uri: string;
    diagnostics: { code?: string; message: string; range: { start: { line: number; character: number } } }[];
  };
  vimDiagnostics: { lnum: number; col: number; message: string }[];
  completion: string[];
}

/** Installs Debian's neovim when it is missing; returns why the tests must be skipped, if they must. */
function ensureNeovim(): string | undefined {
  if (spawnSync('nvim', ['--version']).status === 0) return undefined;
  if (spawnSync('apt-get', ['--version']).status !== 0) return 'nvim is not installed and apt-get is unavailable';
  const install = spawnSync(
    'sh',
    ['-c', 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y neovim'],
    { encoding: 'utf8' },
  );
  assert.equal(install.status, 0, `apt-get install neovim failed:\n${install.stderr}`);
  return undefined;
}

/**
 * Runs nvim with a setup file (tcvpn.lua unless told) then probe.lua; `vimLet` are Vim script commands run before
 * either loads.
 */
function runProbe(vimLet: string[] = [], setup = 'tcvpn.lua'): ProbeReport {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tcvpn-nvim-'));
  try {
    const out = path.join(dir, 'report.json');
    const serverCmd = JSON.stringify(['node', path.join(REPO_ROOT, 'dist/server.js'), '--stdio']);
    const args = ['--headless', '-n', '-i', 'NONE', '-u', 'NONE', '--cmd', `let g:tcvpn_server_cmd = ${serverCmd}`];
    for (const let_ of vimLet) args.push('--cmd', let_);
    args.push(
      '-c',
      `luafile ${path.join(NEOVIM_FIXTURES, setup)}`,
      '-c',
      `luafile ${path.join(NEOVIM_FIXTURES, 'probe.lua')}`,
    );
    const run = spawnSync('nvim', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, TCVPN_FIXTURE: FIXTURE, TCVPN_OUT: out },
      timeout: 90_000,
    });
    assert.equal(run.status, 0, `nvim failed: ${run.stderr}${run.stdout}`);
    const report = JSON.parse(readFileSync(out, 'utf8')) as ProbeReport;
    assert.deepEqual(report.errors, [], 'the probe hit no Lua or LSP error');
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const codesOf = (report: ProbeReport) => (report.published?.diagnostics ?? []).map((d) => d.code).sort();

describe('Neovim built-in LSP client with the standalone server', function () {
  this.timeout(120_000);
  let report: ProbeReport;

  before(function () {
    this.timeout(600_000);
    const skipReason = ensureNeovim();
    if (skipReason) {
      console.log(`    skipping the Neovim tests: ${skipReason}`);
      this.skip();
    }
    ensureBuilt();
    report = runProbe();
    console.log(`    (Neovim ${report.nvim})`);
  });

  it('attaches the server to a *.vpnconn.yaml buffer with the tencentcloud-vpn-yaml language id', () => {
    assert.equal(report.attached, true);
    assert.equal(report.languageId, 'tencentcloud-vpn-yaml');
  });

  it('receives diagnostics with the API error codes and shows them as Neovim diagnostics', () => {
    assert.equal(report.gotDiagnostics, true);
    assert.deepEqual(codesOf(report), ['InvalidParameterValue', 'MissingParameter', 'UnknownParameter']);
    const unknown = report.vimDiagnostics.find((d) => /RoutType/.test(d.message));
    assert.deepEqual(
      unknown && [unknown.lnum, unknown.col],
      [3, 0],
      'vim.diagnostic has the finding on the RoutType line',
    );
    assert.equal(report.vimDiagnostics.length, 3);
  });

  it('gets completion at an empty line: the parameters the file still lacks, not those it has', () => {
    for (const key of ['PreShareKey', 'RouteType', 'DpdEnable'])
      assert.ok(report.completion.includes(key), `${key} offered: ${report.completion.join(' ')}`);
    assert.ok(!report.completion.includes('VpnGatewayId'), 'VpnGatewayId is already in the file');
  });

  it('passes Neovim settings to the server: docLanguage zh gives Chinese messages', () => {
    const zh = runProbe([`let g:tcvpn_settings = {'tencentcloudVpn': {'docLanguage': 'zh'}}`]);
    assert.deepEqual(codesOf(zh), codesOf(report));
    assert.ok(
      zh.published!.diagnostics.every((d) => /[\u4e00-\u9fff]/.test(d.message)),
      JSON.stringify(zh.published),
    );
  });

  it('passes Neovim settings to the server: a rule in validation.disabledRules is not reported', () => {
    const silenced = runProbe([
      `let g:tcvpn_settings = {'tencentcloudVpn': {'validation': {'disabledRules': ['UnknownParameter']}}}`,
    ]);
    assert.deepEqual(codesOf(silenced), ['InvalidParameterValue', 'MissingParameter']);
  });
});

describe('Neovim without a language-id setup', function () {
  this.timeout(120_000);

  before(function () {
    this.timeout(600_000);
    const skipReason = ensureNeovim();
    if (skipReason) {
      console.log(`    skipping the Neovim tests: ${skipReason}`);
      this.skip();
    }
    ensureBuilt();
  });

  for (const [title, vimLet, languageId] of [
    ['no filetype detection', [], ''],
    ['filetype detection on', ['filetype on'], 'yaml'],
  ] as const) {
    it(`gets the same diagnostics and completion when Neovim sends the filetype (${title}: "${languageId}")`, () => {
      const plain = runProbe([...vimLet], 'plain.lua');
      assert.equal(plain.attached, true);
      assert.equal(plain.languageId, languageId);
      assert.deepEqual(codesOf(plain), ['InvalidParameterValue', 'MissingParameter', 'UnknownParameter']);
      assert.ok(
        plain.completion.includes('PreShareKey') && !plain.completion.includes('VpnGatewayId'),
        plain.completion.join(' '),
      );
    });
  }
});

describe('docs/editors.md', () => {
  it('shows the Neovim setup the Neovim test runs, line for line', () => {
    const tested = readFileSync(path.join(NEOVIM_FIXTURES, 'tcvpn.lua'), 'utf8')
      .split('\n')
      .filter((line) => !line.includes('test/cli/neovim.test.ts runs it'))
      .join('\n')
      .trim();
    const docs = readFileSync(path.join(REPO_ROOT, 'docs/editors.md'), 'utf8');
    const shown = /```lua\n(-- Tencent Cloud VPN connection files[\s\S]*?)```/.exec(docs)?.[1].trim();
    assert.equal(shown, tested);
  });
});
