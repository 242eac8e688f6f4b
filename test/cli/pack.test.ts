/**
 * The npm tarball: `npm pack` output installs with no registry at all (the bins are self-contained bundles) into an
 * empty project, and both bins run from there, as they do from a clone after a build.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from '../support/build';
import { LspTestClient } from '../support/lsp';
import { CLI_FIXTURES, REPO_ROOT } from './support/runCli';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
/** What the tarball may hold: the two bins, the generated schemas, and what npm always packs. */
const ALLOWED_IN_TARBALL =
  /^(dist\/(cli|server)\.js|schemas\/[^/]+\.json|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/;
const ERRORS_YAML = path.join(CLI_FIXTURES, 'errors/bad-enum.vpnconn.yaml');

interface PackResult {
  filename: string;
  size: number;
  files: { path: string }[];
}

describe('npm pack: the tarball and its bins', function () {
  this.timeout(60_000);
  let tmp: string;
  let project: string;
  let packed: PackResult;

  before(function () {
    this.timeout(120_000);
    ensureBuilt();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'tcvpn-pack-'));
    const out = execFileSync(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    packed = (JSON.parse(out) as PackResult[])[0];
    project = path.join(tmp, 'project');
    mkdirSync(project);
    writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'empty-project', version: '1.0.0', private: true }),
    );
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('holds the two bins and the schemas, without sources, tests, source maps or node_modules', () => {
    const files = packed.files.map((file) => file.path).sort();
    assert.deepEqual(
      files.filter((file) => !ALLOWED_IN_TARBALL.test(file)),
      [],
    );
    for (const needed of ['dist/cli.js', 'dist/server.js', 'package.json', 'schemas/CreateVpnConnection.schema.json'])
      assert.ok(files.includes(needed), `${needed} is packed`);
  });

  it('declares no run-time dependencies: the bundles carry them', () => {
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', path.join(tmp, packed.filename), 'package/package.json'], { encoding: 'utf8' }),
    );
    assert.equal(manifest.dependencies, undefined);
    assert.deepEqual(manifest.bin, { tcvpn: './dist/cli.js', 'tcvpn-language-server': './dist/server.js' });
  });

  it('installs into an empty project with an empty cache and an unreachable registry', () => {
    const install = spawnSync(
      NPM,
      [
        'install',
        '--offline',
        '--cache',
        path.join(tmp, 'cache'),
        '--registry',
        'http://127.0.0.1:9/',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        path.join(tmp, packed.filename),
      ],
      { cwd: project, encoding: 'utf8' },
    );
    assert.equal(install.status, 0, install.stderr);
    const installed = JSON.parse(
      readFileSync(path.join(project, 'node_modules/tencentcloud-vpn-connection/package.json'), 'utf8'),
    );
    assert.equal(installed.name, 'tencentcloud-vpn-connection');
  });

  it("runs `npx tcvpn validate` from the installed package with the editor's rules and exit codes", () => {
    const run = spawnSync(NPX, ['--offline', 'tcvpn', 'validate', '--lang', 'en', ERRORS_YAML], {
      cwd: project,
      encoding: 'utf8',
    });
    assert.equal(run.status, 1, run.stderr);
    assert.match(
      run.stdout,
      /bad-enum\.vpnconn\.yaml:5:12: error InvalidParameterValue "static" is not an allowed value of RouteType/,
    );
  });

  it('runs `npx tcvpn-language-server --stdio` from the installed package: diagnostics for an opened file', async () => {
    await expectServerDiagnostics(project);
  });

  it('runs `npx tcvpn-language-server --stdio` from the clone after a build', async () => {
    await expectServerDiagnostics(REPO_ROOT);
  });
});

/** Starts the server through npx in `cwd` with no settings at all, opens a file with an error, and waits for it. */
async function expectServerDiagnostics(cwd: string): Promise<void> {
  const session = await LspTestClient.start({
    command: NPX,
    args: ['--offline', 'tcvpn-language-server', '--stdio'],
    cwd,
  });
  try {
    assert.ok(session.initializeResult.capabilities.completionProvider, 'the server announces completion');
    const uri = pathToFileURL(ERRORS_YAML).href;
    await session.open(uri, 'tencentcloud-vpn-yaml', readFileSync(ERRORS_YAML, 'utf8'));
    const { diagnostics } = await session.diagnostics(uri, (published) => published.diagnostics.length > 0, {
      since: 0,
    });
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [['InvalidParameterValue', 4, 11]],
    );
  } finally {
    assert.equal(await session.stop(), 0, `the server exits cleanly after shutdown/exit: ${session.stderr()}`);
  }
}
