/**
 * Turns the command line's files, directories and globs into the list of files to check. An argument that
 * names nothing checkable becomes an input problem (reported on stderr, exit code 2) instead of being ignored,
 * so a typo in a CI script cannot pass silently.
 */
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { LanguageKind } from '../../language/parsing/documentKind';

/** A file to check, with the path shown to the user (relative to the working directory when inside it). */
export interface InputFile {
  absolutePath: string;
  displayPath: string;
  kind: LanguageKind;
}

/** An argument or file that could not be checked, with the reason in plain words. */
export interface InputProblem {
  displayPath: string;
  message: string;
}

export interface ResolvedInputs {
  files: InputFile[];
  problems: InputProblem[];
}

/** What a directory argument stands for. */
export const VPN_FILE_GLOB = '**/*.vpnconn.{json,yaml,yml}';
const IGNORED = ['**/node_modules/**', '**/.git/**'];

/** JSON or YAML by file extension; undefined for any other extension. */
export function kindOfPath(file: string): LanguageKind | undefined {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  return undefined;
}

/** The path to print: relative with forward slashes when under `cwd`, else absolute. */
export function displayPathOf(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return absolutePath;
  return relative.split(path.sep).join('/');
}

/** Expands every argument; the files come back sorted and without duplicates. */
export async function resolveInputs(args: readonly string[], cwd: string): Promise<ResolvedInputs> {
  const byPath = new Map<string, InputFile>();
  const problems: InputProblem[] = [];
  for (const arg of args) {
    const result = await expandArgument(arg, cwd);
    if (typeof result === 'string') problems.push({ displayPath: arg, message: result });
    else
      for (const file of result)
        byPath.set(file, { absolutePath: file, displayPath: displayPathOf(file, cwd), kind: kindOfPath(file)! });
  }
  const files = [...byPath.values()].sort((a, b) => compareStrings(a.displayPath, b.displayPath));
  return { files, problems };
}

/** The absolute paths one argument stands for, or the reason it stands for none. */
async function expandArgument(arg: string, cwd: string): Promise<string[] | string> {
  const absolute = path.resolve(cwd, arg);
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    if (info.code === 'ENOENT' && isDynamicPattern(arg)) return expandGlob(arg, cwd);
    return info.code === 'ENOENT' ? 'no such file or directory' : `cannot read (${info.code ?? info.message})`;
  }
  if (info.isDirectory()) return expandDirectory(absolute);
  if (!kindOfPath(absolute)) return 'unsupported file type: expected .json, .yaml or .yml';
  return [absolute];
}

async function expandGlob(pattern: string, cwd: string): Promise<string[] | string> {
  const matches = await glob(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    ignore: IGNORED,
    expandDirectories: false,
  });
  const files = matches.map((file) => path.normalize(file)).filter((file) => kindOfPath(file));
  return files.length > 0 ? files : 'no .json, .yaml or .yml file matches this glob';
}

async function expandDirectory(directory: string): Promise<string[] | string> {
  const matches = await glob(VPN_FILE_GLOB, { cwd: directory, absolute: true, onlyFiles: true, ignore: IGNORED });
  const files = matches.map((file) => path.normalize(file));
  return files.length > 0 ? files : 'no *.vpnconn.json, *.vpnconn.yaml or *.vpnconn.yml file in this directory';
}

/** Code-unit order, independent of the machine's locale, so every output is byte-for-byte stable. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
