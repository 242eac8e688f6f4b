/**
 * Helpers for checking TextMate grammars without vscode-textmate: reading the grammars package.json declares,
 * walking every rule, and turning an Oniguruma pattern into a JavaScript RegExp where the two syntaxes agree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');

export interface Capture {
  name?: string;
  patterns?: Rule[];
}
export interface Rule {
  name?: string;
  contentName?: string;
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  captures?: Record<string, Capture>;
  beginCaptures?: Record<string, Capture>;
  endCaptures?: Record<string, Capture>;
  whileCaptures?: Record<string, Capture>;
  patterns?: Rule[];
  repository?: Record<string, Rule>;
}
export interface Grammar extends Rule {
  scopeName: string;
  repository: Record<string, Rule>;
}
export interface PackageManifest {
  main: string;
  files?: string[];
  l10n?: string;
  icon?: string;
  contributes: {
    languages: { id: string; configuration?: string; filenamePatterns?: string[] }[];
    grammars: { language: string; scopeName: string; path: string }[];
    jsonValidation?: { url: string }[];
    yamlValidation?: { url: string }[];
  };
}

export function readJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(join(ROOT, relativePath), 'utf8')) as T;
}

export const manifest = (): PackageManifest => readJson<PackageManifest>('package.json');

/** A rule found while walking a grammar, with a readable path such as `repository.object.patterns[2]`. */
export interface Located {
  path: string;
  rule: Rule;
}

/** Every rule of a grammar: top-level patterns, repository entries, nested patterns and capture patterns. */
export function allRules(grammar: Grammar): Located[] {
  const found: Located[] = [];
  const visit = (rule: Rule, path: string): void => {
    found.push({ path, rule });
    rule.patterns?.forEach((child, i) => visit(child, `${path}.patterns[${i}]`));
    for (const key of ['captures', 'beginCaptures', 'endCaptures', 'whileCaptures'] as const) {
      for (const [index, capture] of Object.entries(rule[key] ?? {})) {
        capture.patterns?.forEach((child, i) => visit(child, `${path}.${key}.${index}.patterns[${i}]`));
      }
    }
    for (const [name, child] of Object.entries(rule.repository ?? {})) visit(child, `${path}.repository.${name}`);
  };
  grammar.patterns?.forEach((rule, i) => visit(rule, `patterns[${i}]`));
  for (const [name, rule] of Object.entries(grammar.repository)) visit(rule, `repository.${name}`);
  return found;
}

/**
 * Rewrites the Oniguruma-only escapes our grammars may use into JavaScript equivalents: `\G` (the anchor where
 * the previous match ended) becomes an empty group, `\A`/`\z`/`\Z` become `^`/`$`, `\h` a hex digit class.
 * In `end` and `while` patterns a back-reference names a group of `begin`, so it becomes an empty group too.
 */
export function toJavaScriptSource(pattern: string, backReferencesAreExternal = false): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char !== '\\' || i + 1 >= pattern.length) {
      out += char;
      continue;
    }
    const next = pattern[++i];
    if (next === 'G') out += '(?:)';
    else if (next === 'A') out += '^';
    else if (next === 'z' || next === 'Z') out += '$';
    else if (next === 'h') out += '[0-9a-fA-F]';
    else if (backReferencesAreExternal && /[1-9]/.test(next)) out += '(?:)';
    else out += `\\${next}`;
  }
  return out;
}

/** Compiles a grammar pattern as a JavaScript RegExp (Unicode mode, the strictest about stray escapes). */
export function compile(pattern: string, backReferencesAreExternal = false): RegExp {
  return new RegExp(toJavaScriptSource(pattern, backReferencesAreExternal), 'u');
}

/** How many capturing groups a compiled pattern has. */
export function groupCount(regex: RegExp): number {
  return (new RegExp(`${regex.source}|`, regex.flags).exec('') as RegExpExecArray).length - 1;
}

/**
 * The bodies of the look-behind groups of a pattern. Oniguruma, unlike JavaScript, rejects a look-behind whose
 * length can vary (except between top-level alternatives), so the tests check these bodies for quantifiers.
 */
export function lookBehindBodies(pattern: string): string[] {
  const bodies: string[] = [];
  for (let start = pattern.indexOf('(?<'); start >= 0; start = pattern.indexOf('(?<', start + 1)) {
    if (!['=', '!'].includes(pattern[start + 3]) || isEscaped(pattern, start)) continue;
    let depth = 0;
    let inClass = false;
    for (let i = start; i < pattern.length; i++) {
      const char = pattern[i];
      if (char === '\\') i++;
      else if (inClass) inClass = char !== ']';
      else if (char === '[') inClass = true;
      else if (char === '(') depth++;
      else if (char === ')' && --depth === 0) {
        bodies.push(pattern.slice(start + 4, i));
        break;
      }
    }
  }
  return bodies;
}

function isEscaped(pattern: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && pattern[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** A pattern with escapes and character classes removed, leaving only its operators and literals. */
export function withoutClassesAndEscapes(pattern: string): string {
  return pattern.replace(/\\./g, 'x').replace(/\[(?:\\.|[^\]\\])*\]/g, 'x');
}
