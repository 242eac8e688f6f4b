/**
 * Small source trees under the system's temporary folder for the layering self-test: the files a case names,
 * an empty file for each relative import they make, and stand-ins for the packages the rules look for, so their
 * imports resolve into node_modules/ as they do in the repository.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Source files by path (relative to the tree's root), each given as its lines. */
export type SourceFiles = Record<string, string[]>;

/**
 * Installed stand-ins: an entry file per package (and per subpath import). vscode is types-only, as in the
 * repository (@types/vscode); tencentcloud-sdk-nodejs-common and vscode-languageclient are left out on purpose,
 * so the rules are also seen to catch a package that does not resolve.
 */
const PACKAGES: Record<string, Record<string, string>> = {
  'vscode-languageserver': {
    'package.json': '{"name":"vscode-languageserver","main":"main.js"}',
    'main.js': '',
    'node.js': '',
  },
  'vscode-jsonrpc': { 'package.json': '{"name":"vscode-jsonrpc","main":"main.js"}', 'main.js': '' },
  'vscode-languageserver-types': {
    'package.json': '{"name":"vscode-languageserver-types","main":"main.js"}',
    'main.js': '',
  },
  'vscode-languageserver-textdocument': {
    'package.json': '{"name":"vscode-languageserver-textdocument","main":"main.js"}',
    'main.js': '',
  },
  'node-fetch': { 'package.json': '{"name":"node-fetch","main":"index.js"}', 'index.js': '' },
  '@types/vscode': {
    'package.json': '{"name":"@types/vscode","types":"index.d.ts"}',
    'index.d.ts': "declare module 'vscode' { export const version: string; }\n",
  },
};

/** Writes a tree with `files` and returns its root; the caller removes it with removeTree. */
export function writeTree(files: SourceFiles): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-layering-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  for (const [name, packageFiles] of Object.entries(PACKAGES)) {
    for (const [file, text] of Object.entries(packageFiles)) write(path.join('node_modules', name, file), text);
  }
  for (const [file, lines] of Object.entries(files)) write(file, lines.join('\n') + '\n');
  for (const target of relativeTargets(files))
    if (!(target in files)) write(target, target.endsWith('.json') ? '{}\n' : 'export {};\n');
  return root;
}

/** Removes a tree made by writeTree. */
export function removeTree(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/** The top-level folders of a tree's sources (what to cruise). */
export function foldersOf(files: SourceFiles): string[] {
  return [...new Set([...Object.keys(files), ...relativeTargets(files)].map((file) => file.split('/')[0]!))];
}

/** The files the relative imports of `files` point at (".ts" added where the import names no extension). */
function relativeTargets(files: SourceFiles): string[] {
  const targets: string[] = [];
  for (const [file, lines] of Object.entries(files)) {
    for (const line of lines) {
      const specifier = /from '(\.[^']*)'|import '(\.[^']*)'/.exec(line);
      const relative = specifier?.[1] ?? specifier?.[2];
      if (!relative) continue;
      const target = path.posix.join(path.posix.dirname(file), relative);
      targets.push(path.posix.extname(target) ? target : `${target}.ts`);
    }
  }
  return targets;
}
