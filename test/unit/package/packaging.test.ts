import * as assert from 'node:assert/strict';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { manifest, ROOT } from './grammarSupport';

const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const TWO_MEGABYTES = 2 * 1024 * 1024;

/** What `vsce ls --no-dependencies` says the .vsix would hold: the same file selection `vsce package` makes. */
function packagedFiles(): string[] {
  const out = execFileSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .sort();
}

/** A manifest path such as `./dist/client.js` as vsce lists it. */
const normalize = (path: string): string => posix.normalize(path).replace(/^\.\//, '');

/** Relative image and link targets in a Markdown text (absolute URLs and anchors left out). */
function relativeImagesOf(markdown: string): string[] {
  const images = [
    ...markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)/g),
    ...markdown.matchAll(/<img[^>]+src=["']([^"']+)["']/g),
  ];
  return images
    .map((m) => m[1])
    .filter((target) => !/^[a-z][\w+.-]*:/i.test(target) && !target.startsWith('#'))
    .map(normalize);
}

/** Sends one LSP message over a stdio connection, framed as the protocol requires. */
function send(server: ChildProcess, message: object): void {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  server.stdin?.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
}

/** Resolves with the first response carrying the given id that the server writes to stdout. */
function responseTo(
  server: ChildProcess,
  id: number,
): Promise<{ result?: { capabilities?: object }; error?: unknown }> {
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    let stderr = '';
    server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    server.once('exit', (code) => reject(new Error(`the server exited with ${code} before answering: ${stderr}`)));
    server.stdout?.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (message.id === id && !('method' in message)) resolve(message);
      }
    });
  });
}

/** The images README.md shows by a relative path: the only files of docs/ the package needs. */
function readmeImages(): string[] {
  const readme = join(ROOT, 'README.md');
  return existsSync(readme) ? relativeImagesOf(readFileSync(readme, 'utf8')) : [];
}

describe('the packaged .vsix', function () {
  this.timeout(60_000);
  let files: string[] = [];

  before(() => {
    // The bundles are build output: build them when absent so the listing is about the real package.
    if (!existsSync(join(ROOT, 'dist', 'client.js')) || !existsSync(join(ROOT, 'dist', 'server.js'))) {
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
    }
    files = packagedFiles();
  });

  it('is chosen by .vscodeignore alone, since vsce refuses it together with a "files" field', () => {
    assert.ok(existsSync(join(ROOT, '.vscodeignore')));
    assert.equal(manifest().files, undefined, 'remove "files" from package.json or delete .vscodeignore');
  });

  it('holds the bundles, the schemas, the grammars and the documents', () => {
    const expected = [
      'dist/client.js',
      'dist/server.js',
      'dist/serverMain.js',
      'dist/validationWorker.js',
      'dist/validationWorkerMain.js',
      'schemas/CreateVpnConnection.schema.json',
      'schemas/ModifyVpnConnectionAttribute.schema.json',
      'package.json',
      'package.nls.json',
      'CHANGELOG.md',
      'LICENSE',
      'docs/rules.md',
    ];
    assert.deepEqual(
      expected.filter((file) => !files.includes(file)),
      [],
    );
  });

  it('holds README.md, the page VS Code shows for the extension (vsce packs it when it exists)', () => {
    assert.ok(files.includes('README.md'), 'README.md is missing from the repository root');
  });

  it('holds every file package.json points at', () => {
    const pkg = manifest();
    const referenced = [
      pkg.main,
      ...(pkg.icon ? [pkg.icon] : []),
      ...pkg.contributes.grammars.map((g) => g.path),
      ...pkg.contributes.languages.flatMap((l) => (l.configuration ? [l.configuration] : [])),
      ...[...(pkg.contributes.jsonValidation ?? []), ...(pkg.contributes.yamlValidation ?? [])]
        .map((v) => v.url)
        .filter((url) => !/^[a-z][\w+.-]*:/i.test(url)),
    ].map(normalize);
    assert.deepEqual(
      referenced.filter((file) => !files.includes(file)),
      [],
    );
    if (pkg.l10n) {
      const bundles = files.filter((file) => file.startsWith(`${normalize(pkg.l10n as string)}/`));
      assert.ok(bundles.length > 0, `no l10n bundle from ${pkg.l10n} is packaged`);
    }
  });

  it('holds every image README.md shows by a relative path', function () {
    if (!existsSync(join(ROOT, 'README.md'))) this.skip();
    assert.deepEqual(
      readmeImages().filter((image) => !files.includes(image)),
      [],
    );
  });

  it('leaves out sources, tests, dependencies, source maps, the CLI and the API reference data', () => {
    const unwanted = files.filter(
      (file) =>
        /\.(ts|mts|cts|map|vsix)$/.test(file) ||
        /^(node_modules|test|scripts|server|\.ci|\.runtime|out)\//.test(file) ||
        (file.startsWith('docs/') && !readmeImages().includes(file) && file !== 'docs/rules.md') ||
        /^client\/(?!l10n\/|media\/)/.test(file) ||
        file.startsWith('schemas/source/') ||
        file === 'dist/cli.js' ||
        file === 'package-lock.json' ||
        file === 'tsconfig.json',
    );
    assert.deepEqual(unwanted, []);
  });

  it('packs into a .vsix under 2 MB with the flags of npm run package', () => {
    // Run vsce exactly as the package script does (minus the build), but write to a temporary file.
    const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
      .scripts.package;
    const args = /vsce (package\b[^&|;]*)/.exec(script)?.[1].trim().split(/\s+/) ?? [];
    assert.ok(args.includes('-o'), `unexpected package script: ${script}`);
    const dir = mkdtempSync(join(tmpdir(), 'tcvpn-vsix-'));
    const vsix = join(dir, 'extension.vsix');
    try {
      args[args.indexOf('-o') + 1] = vsix;
      execFileSync(process.execPath, [VSCE, ...args], { cwd: ROOT, stdio: 'pipe', input: '' });
      const bytes = statSync(vsix).size;
      assert.ok(bytes < TWO_MEGABYTES, `${(bytes / 1024 / 1024).toFixed(2)} MB`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is enough on its own for the language server to start and answer initialize', async () => {
    // Copy only the packaged files, so a bundle that reads an unpackaged file at start-up fails here.
    const dir = mkdtempSync(join(tmpdir(), 'tcvpn-vsix-'));
    files.forEach((file) => {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      cpSync(join(ROOT, file), join(dir, file));
    });
    const server = spawn(process.execPath, [join(dir, 'dist', 'server.js'), '--stdio'], { cwd: dir, stdio: 'pipe' });
    try {
      const answer = responseTo(server, 1);
      send(server, {
        id: 1,
        method: 'initialize',
        params: { processId: process.pid, rootUri: null, capabilities: {} },
      });
      const response = await answer;
      assert.equal(response.error, undefined);
      assert.equal(typeof response.result?.capabilities, 'object');
    } finally {
      server.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
