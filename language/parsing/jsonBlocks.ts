/**
 * Incremental JSON parsing, the counterpart of yamlBlocks.ts: a large file that is one object without comments is
 * cut at its top-level members with jsonc-parser's scanner (a scan without building anything, about 7 ms for
 * 1 MB), each member's value is parsed alone, and the parse of a value whose text has not changed since an earlier
 * version is reused. Only the edited member is parsed again, and its unchanged neighbours keep their value objects,
 * which lets the rules reuse their work (spdMappings.ts).
 *
 * Anything else (comments, a syntax or scan error anywhere, a root that is not an object) returns undefined and
 * the caller parses the whole text, so the result is always the one the full parse gives (a test compares both).
 */
import { createScanner } from 'jsonc-parser';
import { BlockCache } from './blockCache';
import { duplicateKeyMessage } from './syntaxMessages';
import { placedNode, type ParsedPart, type SyntaxProblem, type TreeNode, type TreeProperty } from './tree';

/** Parses one member's value text alone (the whole-text JSON parser). */
export type ValueParser = (text: string) => ParsedPart;

/** A top-level member as the scanner found it. */
interface Member {
  key: string;
  keyOffset: number;
  keyLength: number;
  valueStart: number;
  valueEnd: number;
  /** The offset of the comma or closing brace that ends it. */
  terminator: number;
}

/** The root object's members and its end. */
interface Scan {
  members: Member[];
  rootEnd: number;
}

/** Below this size the whole text is parsed at once: splitting would gain nothing. */
const MIN_INCREMENTAL_SIZE = 16 * 1024;
/** Block texts kept for reuse, in characters: a few large files' worth, each in a few versions. */
const MAX_CACHED_CHARS = 8 * 1024 * 1024;
/** Recent whole texts kept (with their scans): at most this many, and beyond the last two within this size. */
const RECENT_TEXTS = 4;
const RECENT_TEXT_CHARS = 4 * 1024 * 1024;

// jsonc-parser's SyntaxKind is a const enum that bundlers cannot inline from its .d.ts: its values, by name.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const STRING = 10;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const LINE_BREAK = 14;
const TRIVIA = 15;
const EOF = 17;

const cache = new BlockCache<ParsedPart>(MAX_CACHED_CHARS);

/**
 * The last texts, newest first, with their members (an edit's text is scanned from one of them) and whether they
 * were parsed here member by member (then their blocks are likely still kept: a closed file opened again, one
 * text under two names).
 */
const recentTexts: Array<{ text: string; scan: Scan; parsed: boolean }> = [];

/** Whether `text` was parsed member by member lately, so its members' parses are likely still kept. */
export function parsedByBlocksLately(text: string): boolean {
  return recentTexts.some((recent) => recent.parsed && recent.text === text);
}

type Scanner = ReturnType<typeof createScanner>;

/** The next token that is not white space; -1 for a comment or a token with an error. */
function nextToken(scanner: Scanner): number {
  let kind = scanner.scan();
  while (kind === LINE_BREAK || kind === TRIVIA) kind = scanner.scan();
  return scanner.getTokenError() === 0 && kind !== LINE_COMMENT && kind !== BLOCK_COMMENT ? kind : -1;
}

/**
 * A member's value from `valueStart` (the scanner just past its colon, or at its first token) to the comma or
 * brace that ends it at depth 0, or undefined when the text breaks off or closes too much.
 */
function scanValue(
  text: string,
  scanner: Scanner,
  valueStart: number,
): (Omit<Member, 'key' | 'keyOffset' | 'keyLength'> & { kind: number }) | undefined {
  let depth = 0;
  let kind = nextToken(scanner);
  let valueEnd = -1;
  for (; kind !== EOF && kind !== -1; kind = nextToken(scanner)) {
    if (depth === 0 && (kind === COMMA || kind === CLOSE_BRACE)) break;
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) depth++;
    else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) depth--;
    if (depth < 0) return undefined;
    valueEnd = scanner.getTokenOffset() + scanner.getTokenLength();
  }
  if (valueEnd < 0 || depth !== 0 || (kind !== COMMA && kind !== CLOSE_BRACE)) return undefined;
  return {
    valueStart: valueStart + (/^\s*/.exec(text.slice(valueStart, valueEnd))?.[0].length ?? 0),
    valueEnd,
    terminator: scanner.getTokenOffset(),
    kind,
  };
}

/** The root object's members and its end, or undefined when the text is not one comment-free object. */
function scanMembers(text: string): Scan | undefined {
  const scanner = createScanner(text, false);
  if (nextToken(scanner) !== OPEN_BRACE || scanner.getTokenOffset() !== 0) return undefined;
  const members: Member[] = [];
  for (;;) {
    if (nextToken(scanner) !== STRING) return undefined;
    const key = scanner.getTokenValue();
    const keyOffset = scanner.getTokenOffset();
    const keyLength = scanner.getTokenLength();
    if (nextToken(scanner) !== COLON) return undefined;
    const value = scanValue(text, scanner, scanner.getPosition());
    if (!value) return undefined;
    const { kind, ...span } = value;
    members.push({ key, keyOffset, keyLength, ...span });
    if (kind === CLOSE_BRACE) break;
  }
  const rootEnd = scanner.getPosition();
  return nextToken(scanner) === EOF ? { members, rootEnd } : undefined;
}

/** How the texts' members were found, for tests: scanned whole, or from a recent text's scan. */
export const memberScans = { whole: 0, fromRecent: 0 };

/** The members of `text` from an earlier text's scan, when the two differ inside one member's value only. */
function rescanned(text: string, before: string, scan: Scan): Scan | undefined {
  const shorter = Math.min(text.length, before.length);
  let prefix = 0;
  while (prefix < shorter && text.charCodeAt(prefix) === before.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = shorter - prefix;
  while (suffix < room && text.charCodeAt(text.length - 1 - suffix) === before.charCodeAt(before.length - 1 - suffix))
    suffix++;
  const changedEnd = before.length - suffix;
  const index = scan.members.findIndex((m) => m.valueStart <= prefix && changedEnd <= m.terminator);
  if (index < 0) return undefined;
  const member = scan.members[index];
  const delta = text.length - before.length;
  // The same tokens up to the value's start: from there the value is scanned again, and it must end with the same
  // comma or brace, moved by the edit; after it the text is the earlier one's, so are its members.
  const scanner = createScanner(text, false);
  scanner.setPosition(member.valueStart);
  const value = scanValue(text, scanner, member.valueStart);
  if (!value || value.terminator !== member.terminator + delta || text[value.terminator] !== before[member.terminator])
    return undefined;
  const { kind: _kind, ...span } = value;
  const shift = (m: Member): Member => ({
    ...m,
    keyOffset: m.keyOffset + delta,
    valueStart: m.valueStart + delta,
    valueEnd: m.valueEnd + delta,
    terminator: m.terminator + delta,
  });
  return {
    members: [...scan.members.slice(0, index), { ...member, ...span }, ...scan.members.slice(index + 1).map(shift)],
    rootEnd: scan.rootEnd + delta,
  };
}

/**
 * The members of `text`: from a recent text's scan when an edit changed one member's value only (the whole
 * scan of a 1 MB text costs about 8 ms; finding the edit and scanning that value, about 1–2 ms), else scanned.
 */
function membersOf(text: string): Scan | undefined {
  let scan: Scan | undefined;
  for (const recent of recentTexts)
    if ((scan = recent.text === text ? recent.scan : rescanned(text, recent.text, recent.scan))) break;
  if (scan) memberScans.fromRecent++;
  else if ((scan = scanMembers(text))) memberScans.whole++;
  if (!scan) return undefined;
  if (recentTexts[0]?.text !== text) remember(text, scan);
  return scan;
}

/** Puts a text first among the recent ones, dropping the oldest beyond the bounds (the newest two always stay). */
function remember(text: string, scan: Scan): void {
  const known = recentTexts.findIndex((recent) => recent.text === text);
  const parsed = known >= 0 && recentTexts.splice(known, 1)[0].parsed;
  recentTexts.unshift({ text, scan, parsed });
  let chars = recentTexts.reduce((sum, recent) => sum + recent.text.length, 0);
  while (recentTexts.length > RECENT_TEXTS || (recentTexts.length > 2 && chars > RECENT_TEXT_CHARS))
    chars -= recentTexts.pop()!.text.length;
}

/**
 * The one part of a JSON text parsed member by member, or undefined when the text is outside that shape. With
 * `adopt` (the same text's value, parsed already: jsonFast.ts), a member parsed now keeps that value's object for
 * it, so what the rules computed on it (keyed by the object: spdMappings.ts) serves the edits that follow.
 */
export function parseJsonByBlocks(
  text: string,
  parseValue: ValueParser,
  adopt?: Record<string, unknown>,
): ParsedPart | undefined {
  if (text.length < MIN_INCREMENTAL_SIZE) return undefined;
  const scanned = membersOf(text);
  if (!scanned) return undefined;
  const properties: TreeProperty[] = [];
  const value: Record<string, unknown> = {};
  const problems: SyntaxProblem[] = [];
  const seen = new Set<string>();
  for (const member of scanned.members) {
    const valueText = text.slice(member.valueStart, member.valueEnd);
    let parsed = cache.get(valueText, parseValue);
    if (parsed && adopt && Object.hasOwn(adopt, member.key) && parsed.value !== adopt[member.key]) {
      // Kept so for the edits that follow, which find this member unchanged.
      parsed = { ...parsed, value: adopt[member.key] };
      cache.replace(valueText, parsed);
    }
    if (!parsed || parsed.problems.length || !parsed.root) return undefined;
    if (seen.has(member.key))
      problems.push({
        offset: member.keyOffset,
        length: member.keyLength,
        code: 'duplicate-key',
        message: duplicateKeyMessage(member.key),
        severity: 'error',
      });
    seen.add(member.key);
    properties.push({
      key: member.key,
      keyOffset: member.keyOffset,
      keyLength: member.keyLength,
      value: placedNode(parsed.root, member.valueStart),
    });
    Object.defineProperty(value, member.key, {
      value: parsed.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const root: TreeNode = { kind: 'object', offset: 0, length: scanned.rootEnd, properties, flow: true };
  // membersOf put this text first among the recent ones.
  if (recentTexts[0]?.text === text) recentTexts[0].parsed = true;
  return { index: 0, offset: 0, length: text.length, root, value, problems };
}
