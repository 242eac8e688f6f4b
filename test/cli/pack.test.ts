/**
 * The npm tarball, by README's route from a clean clone: `npm pack` in a copy of the sources with no dist/ builds
 * the bundles first (the `prepack` script), the tarball holds them and the rules page, installs with no registry
 * at all (the bins are self-contained bundles) into an empty project, and both bins run from there, as they do
 * from a clone after a build. The shipped bundles name no source map the tarball leaves out.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from '../support/build';
import { LspTestClient } from '../support/lsp';
import { CLI_FIXTURES, REPO_ROOT } from './support/runCli';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
/** What the tarball may hold: the two bins, the generated schemas, and what npm always packs. */
const ALLOWED_IN_TARBALL =
  /^(dist\/(cli|cliMain|server|serverMain|validationWorker|validationWorkerMain)\.js|schemas\/[^/]+\.json|docs\/rules\.md|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/;
const ERRORS_YAML = path.join(CLI_FIXTURES, 'errors/bad-enum.vpnconn.yaml');
const DPD_YAML = path.join(CLI_FIXTURES, 'warnings/dpd-off.vpnconn.yaml');

/**
 * A clean clone of the working tree: the files git tracks or would track (so the tests see uncommitted work),
 * without any build output, and the clone's node_modules linked to the repository's (npm ci's result).
 */
function cleanClone(dir: string): string {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const file of listed.split('\0').filter(Boolean)) {
    const source = path.join(REPO_ROOT, file);
    if (!existsSync(source) || file.startsWith('dist/')) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    copyFileSync(source, path.join(dir, file));
  }
  assert.ok(!existsSync(path.join(dir, 'dist')), 'the clone has no dist/');
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

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
    this.timeout(180_000);
    ensureBuilt();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'tcvpn-pack-'));
    const clone = cleanClone(path.join(tmp, 'clone'));
    const out = execFileSync(NPM, ['pack', '--json', '--pack-destination', tmp], {
      cwd: clone,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    packed = (JSON.parse(out.slice(out.indexOf('['))) as PackResult[])[0];
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

  it('was built by `prepack` in a clone without dist/: bundles and rules page packed, no source map named', () => {
    const files = packed.files.map((file) => file.path);
    for (const needed of ['dist/cli.js', 'dist/server.js', 'docs/rules.md']) assert.ok(files.includes(needed), needed);
    for (const bundle of ['dist/cli.js', 'dist/server.js']) {
      const text = execFileSync('tar', ['-xzOf', path.join(tmp, packed.filename), `package/${bundle}`], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      assert.doesNotMatch(text, /sourceMappingURL=/, `${bundle} names a map the tarball lacks`);
    }
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

  it("links the installed bins' rule findings to the rules page installed with them", () => {
    const run = spawnSync(NPX, ['--offline', 'tcvpn', 'validate', '--format', 'sarif', '--lang', 'en', DPD_YAML], {
      cwd: project,
      encoding: 'utf8',
    });
    const rules = JSON.parse(run.stdout).runs[0].tool.driver.rules as Array<{ id: string; helpUri?: string }>;
    const rule = rules.find((candidate) => candidate.id === 'dpd-fields-ignored')!;
    const [page, anchor] = (rule.helpUri ?? '').split('#');
    assert.equal(fileURLToPath(page), path.join(project, 'node_modules/tencentcloud-vpn-connection/docs/rules.md'));
    assert.ok(readFileSync(fileURLToPath(page), 'utf8').includes(`\n### ${anchor}\n`));
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
