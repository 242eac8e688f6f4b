/**
 * Turns the command line's files, directories and globs into the list of files to check. An argument that
 * names nothing checkable becomes an input problem (reported on stderr, exit code 2) instead of being ignored,
 * so a typo in a CI script cannot pass silently.
 *
 * A walk never leaves the folder it was given. A directory argument is walked here, entry by entry: a symlink
 * in it is followed only when its real path is inside the directory's real path; one that leads outside (to a
 * file, a folder or a device such as /dev/zero) is never read and becomes the problem "skipped: …", because a
 * file that was not checked must not pass silently. A glob is held to the folder before its first wildcard the
 * same way. A folder that cannot be listed is reported as unreadable ("permission denied"), not as "no file
 * here". Every file is checked once however many paths lead to it (files are keyed by their real path; the
 * path shown is one reached without a symlink when there is one). An entry named like a VPN file that is not a
 * regular file (a named pipe, a socket) is still listed, so that reading it (cli/safeRead.ts) refuses it by
 * name instead of the walk passing over it.
 *
 * A file argument that is a symlink is followed wherever it leads: the user named it. Reading it still
 * requires a regular file at the end (cli/safeRead.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { LanguageKind } from '../../language/parsing/documentKind';
import { nonFileKind } from '../safeRead';

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

/**
 * The file-system calls the resolution makes: node's, unless a test passes its own (as root, `chmod 000` does
 * not make a folder unreadable, so the tests simulate one).
 */
export interface InputFileSystem {
  stat(file: string): Promise<fs.Stats>;
  realpath(file: string): Promise<string>;
  readdir(directory: string): Promise<fs.Dirent[]>;
}

export const NODE_INPUT_FILE_SYSTEM: InputFileSystem = {
  stat: (file) => fs.promises.stat(file),
  realpath: (file) => fs.promises.realpath(file),
  readdir: (directory) => fs.promises.readdir(directory, { withFileTypes: true }),
};

/** What a directory argument stands for. */
export const VPN_FILE_GLOB = '**/*.vpnconn.{json,yaml,yml}';
/** The file names VPN_FILE_GLOB matches (its `*` does not match a leading dot). */
const VPN_FILE_NAME = /^[^.].*\.vpnconn\.(json|yaml|yml)$/;
/** Folders a walk does not enter (besides those whose name starts with a dot, as for the glob). */
const IGNORED_FOLDERS = new Set(['node_modules']);
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

/** A file one argument stands for: the path to read, its real path, and whether a symlink led to it. */
interface Candidate {
  absolutePath: string;
  realPath: string;
  viaSymlink: boolean;
}

interface Expansion {
  candidates: Candidate[];
  problems: InputProblem[];
}

/** Walks and globs of one resolution: where the paths are shown from and which calls reach the disk. */
interface Context {
  cwd: string;
  fs: InputFileSystem;
}

/**
 * Expands every argument; the files come back sorted, each real file once. `fileSystem` is for the tests.
 */
export async function resolveInputs(
  args: readonly string[],
  cwd: string,
  fileSystem: InputFileSystem = NODE_INPUT_FILE_SYSTEM,
): Promise<ResolvedInputs> {
  const context: Context = { cwd, fs: fileSystem };
  const byRealPath = new Map<string, Candidate[]>();
  const problems: InputProblem[] = [];
  const seenProblems = new Set<string>();
  for (const arg of args) {
    const expansion = await expandArgument(arg, context);
    for (const problem of expansion.problems) {
      const key = `${problem.displayPath}\0${problem.message}`;
      if (!seenProblems.has(key)) problems.push(problem);
      seenProblems.add(key);
    }
    for (const candidate of expansion.candidates) {
      const same = byRealPath.get(candidate.realPath);
      if (same) same.push(candidate);
      else byRealPath.set(candidate.realPath, [candidate]);
    }
  }
  const files = [...byRealPath.values()].map((candidates) => inputFileOf(candidates, cwd));
  files.sort((a, b) => compareStrings(a.displayPath, b.displayPath));
  return { files, problems };
}

/** The one file several paths lead to: shown by a path without a symlink if there is one, else the first. */
function inputFileOf(candidates: readonly Candidate[], cwd: string): InputFile {
  const shown = candidates
    .map((candidate) => ({ ...candidate, displayPath: displayPathOf(candidate.absolutePath, cwd) }))
    .sort((a, b) => Number(a.viaSymlink) - Number(b.viaSymlink) || compareStrings(a.displayPath, b.displayPath))[0];
  return { absolutePath: shown.absolutePath, displayPath: shown.displayPath, kind: kindOfPath(shown.absolutePath)! };
}

/** The files one argument stands for, and the problems met on the way. */
async function expandArgument(arg: string, context: Context): Promise<Expansion> {
  const absolute = path.resolve(context.cwd, arg);
  const info = await context.fs.stat(absolute).catch((error: NodeJS.ErrnoException) => error);
  const only = (message: string): Expansion => ({ candidates: [], problems: [{ displayPath: arg, message }] });
  if (info instanceof Error) {
    if (info.code === 'ENOENT' && isDynamicPattern(arg)) return expandGlob(arg, context);
    if (info.code === 'ENOENT') return only('no such file or directory');
    return only(errorText(info));
  }
  if (info.isDirectory()) return expandDirectory(arg, absolute, context);
  if (!kindOfPath(absolute)) return only('unsupported file type: expected .json, .yaml or .yml');
  const realPath = await context.fs.realpath(absolute).catch(() => absolute);
  // Reached through a symlink: the real path is not the path as written (the working directory's own real
  // path put in front, so that a working directory reached through a symlink does not count).
  const realCwd = await context.fs.realpath(context.cwd).catch(() => context.cwd);
  const written = isInside(context.cwd, absolute) ? path.join(realCwd, path.relative(context.cwd, absolute)) : absolute;
  return { candidates: [{ absolutePath: absolute, realPath, viaSymlink: realPath !== written }], problems: [] };
}

/** A directory argument: every VPN file under it, never leaving it. */
async function expandDirectory(arg: string, directory: string, context: Context): Promise<Expansion> {
  const root = await context.fs.realpath(directory).catch(() => path.resolve(directory));
  const expansion: Expansion = { candidates: [], problems: [] };
  await new DirectoryWalk(arg, directory, root, context, expansion).run();
  if (expansion.candidates.length === 0 && expansion.problems.length === 0)
    expansion.problems.push({
      displayPath: arg,
      message: 'no *.vpnconn.json, *.vpnconn.yaml or *.vpnconn.yml file in this directory',
    });
  return expansion;
}

/**
 * One directory argument's walk. The folders already entered (by real path) stop a symlink loop and a second
 * walk of a folder. Every folder reachable without a symlink is walked first, and the symlinks met are followed
 * only afterwards, so a file is shown by its path without a symlink whenever it has one.
 */
class DirectoryWalk {
  private readonly entered = new Set<string>();
  private readonly symlinks: Array<{ link: string; name: string }> = [];

  constructor(
    private readonly arg: string,
    private readonly directory: string,
    private readonly root: string,
    private readonly context: Context,
    private readonly out: Expansion,
  ) {}

  async run(): Promise<void> {
    await this.visit(this.directory, this.root, false);
    for (let next = this.symlinks.shift(); next; next = this.symlinks.shift()) await this.follow(next.link, next.name);
  }

  /** Lists `folder` (whose real path is `realFolder`), goes into its folders and queues its symlinks. */
  private async visit(folder: string, realFolder: string, viaSymlink: boolean): Promise<void> {
    this.entered.add(realFolder);
    let entries: fs.Dirent[];
    try {
      entries = await this.context.fs.readdir(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const message =
        code === 'EACCES' || code === 'EPERM'
          ? `unreadable folder: permission denied (${code}); its files were not checked`
          : `unreadable folder: ${errorText(error as NodeJS.ErrnoException)}; its files were not checked`;
      this.problem(folder, message);
      return;
    }
    entries.sort((a, b) => compareStrings(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const entryPath = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!IGNORED_FOLDERS.has(entry.name))
          await this.enter(entryPath, path.join(realFolder, entry.name), viaSymlink);
      } else if (entry.isSymbolicLink()) this.symlinks.push({ link: entryPath, name: entry.name });
      else if (VPN_FILE_NAME.test(entry.name))
        this.out.candidates.push({ absolutePath: entryPath, realPath: path.join(realFolder, entry.name), viaSymlink });
    }
  }

  private async enter(folder: string, realFolder: string, viaSymlink: boolean): Promise<void> {
    if (!this.entered.has(realFolder)) await this.visit(folder, realFolder, viaSymlink);
  }

  /** A symlink in the walk: followed only to a place inside the directory argument, never read otherwise. */
  private async follow(link: string, name: string): Promise<void> {
    const looksLikeInput = VPN_FILE_NAME.test(name);
    const target = await this.context.fs.realpath(link).catch((error: NodeJS.ErrnoException) => error);
    if (target instanceof Error) {
      if (looksLikeInput)
        this.problem(
          link,
          target.code === 'ENOENT' ? 'skipped: a symlink to nothing (broken link)' : `skipped: ${errorText(target)}`,
        );
      return;
    }
    const info = await this.context.fs.stat(link).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      if (looksLikeInput) this.problem(link, `skipped: ${errorText(info)}`);
      return;
    }
    const isFolder = info.isDirectory();
    if (isFolder ? IGNORED_FOLDERS.has(name) : !looksLikeInput) return;
    if (!isInside(this.root, target)) {
      const what = isFolder ? 'a folder' : info.isFile() ? 'a file' : nonFileKind(info)!;
      const hint = info.isFile() ? ' (name that file on the command line to check it)' : '';
      this.problem(link, `skipped: a symlink to ${what} outside the folder ${this.arg}, not followed${hint}`);
      return;
    }
    if (isFolder) await this.enter(link, target, true);
    else this.out.candidates.push({ absolutePath: link, realPath: target, viaSymlink: true });
  }

  private problem(where: string, message: string): void {
    const displayPath = where === this.directory ? this.arg : displayPathOf(where, this.context.cwd);
    this.out.problems.push({ displayPath, message });
  }
}

/** A glob: its matches, held to the folder before the first wildcard (symlinks leading outside are skipped). */
async function expandGlob(pattern: string, context: Context): Promise<Expansion> {
  const base = path.resolve(context.cwd, staticPrefixOf(pattern));
  const root = await context.fs.realpath(base).catch(() => base);
  const matches = await glob(pattern, {
    cwd: context.cwd,
    absolute: true,
    onlyFiles: true,
    ignore: IGNORED,
    expandDirectories: false,
  });
  const expansion: Expansion = { candidates: [], problems: [] };
  const folder = base === context.cwd ? '.' : displayPathOf(base, context.cwd);
  for (const match of matches.map((file) => path.normalize(file)).filter((file) => kindOfPath(file))) {
    const realPath = await context.fs.realpath(match).catch(() => undefined);
    if (realPath === undefined) continue;
    if (isInside(root, realPath)) {
      // The real path of a match reached without a symlink is its path with the base's real path in front.
      const viaSymlink = realPath !== path.join(root, path.relative(base, match));
      expansion.candidates.push({ absolutePath: match, realPath, viaSymlink });
    } else
      expansion.problems.push({
        displayPath: displayPathOf(match, context.cwd),
        message: `skipped: a symlink to a path outside the folder ${folder}, not followed (name that file on the command line to check it)`,
      });
  }
  if (expansion.candidates.length === 0 && expansion.problems.length === 0) {
    const unreadable = await context.fs.readdir(base).then(
      () => undefined,
      (error: NodeJS.ErrnoException) => (error.code === 'EACCES' || error.code === 'EPERM' ? error.code : undefined),
    );
    expansion.problems.push({
      displayPath: pattern,
      message: unreadable
        ? `unreadable folder ${folder}: permission denied (${unreadable})`
        : 'no .json, .yaml or .yml file matches this glob',
    });
  }
  return expansion;
}

/** The folders of a glob before its first segment with a wildcard ("" when the first one has one). */
function staticPrefixOf(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isDynamicPattern(segment)) break;
    fixed.push(segment);
  }
  return fixed.length === 1 && fixed[0] === '' ? '/' : fixed.join('/');
}

/** Whether `target` is `root` or under it (compared as written: pass real paths to compare real places). */
function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** A stat or readdir error in words. */
function errorText(error: NodeJS.ErrnoException): string {
  if (error.code === 'EACCES' || error.code === 'EPERM') return `permission denied (${error.code})`;
  if (error.code === 'ELOOP') return 'a loop of symlinks';
  return `cannot read (${error.code ?? error.message})`;
}

/** Code-unit order, independent of the machine's locale, so every output is byte-for-byte stable. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
