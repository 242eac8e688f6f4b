/**
 * What the benchmark does to each fixture, as positions in its text. The same text and positions go to every
 * server, so a difference in time is a difference in the server. Positions are found by searching the rendered
 * fixture (test/support/fixtures.ts), not hard-coded, so they stay right when the fixtures are regenerated.
 */
import type { Position } from 'vscode-languageserver-protocol/node';
import {
  fixtureName,
  fixtureText,
  minifiedFixtureName,
  minifiedFixtureText,
  type FixtureKind,
  type FixtureSize,
} from '../../test/support/fixtures';

/** The fixture sizes of test/support/fixtures.ts, plus `minified`: ~1 MB of JSON on one line (JSON only). */
export type BenchSize = FixtureSize | 'minified';

export const SIZES: readonly BenchSize[] = ['typical', 'medium', 'large', 'minified'];
export const KINDS: readonly FixtureKind[] = ['json', 'yaml'];

/** Whether a size exists in a language: a minified file is JSON (YAML has no minified form worth measuring). */
export const sizeHasKind = (size: BenchSize, kind: FixtureKind): boolean => size !== 'minified' || kind === 'json';

/** A fixture prepared for one size and language. */
export interface Scenario {
  size: BenchSize;
  kind: FixtureKind;
  /** The fixture itself, as committed/generated: what open→diagnostics opens. */
  text: string;
  /**
   * The fixture with the edited value made invalid (4DES-CBC): what the first open of a fresh process opens, so its
   * first diagnostics must show that error (`edit.position`) — a server that answers before it has loaded the schema
   * is not done yet. Same length and lines as `text`.
   */
  coldText: string;
  /**
   * The fixture plus one blank, indented line inside IKEOptionsSpecification (still valid): where a key is typed.
   * For the minified file the text is unchanged and the key is completed right after the object's `{`.
   */
  sessionText: string;
  /** The file name every URI ends with (`*.vpnconn.json` / `*.vpnconn.yaml`), which the peers' globs match. */
  fileName: string;
  /** The first character of IPSECOptionsSpecification.EncryptAlgorithm's value ("3DES-CBC"): the digit we toggle. */
  edit: { position: Position; valid: string; invalid: string };
  /** Where that digit is in `text` / `coldText` (no blank line inserted). */
  coldEdit: Position;
  /** Completion on the blank line inside IKEOptionsSpecification (property names expected). */
  keyCompletion: Position;
  /** Completion at the start of IKEOptionsSpecification.DhGroupName's value (enum values expected). */
  enumCompletion: Position;
  /** Hover in the middle of the key PropoAuthenAlgorithm. */
  hover: Position;
  /** A tiny document with a schema error, to know a server has loaded the schema before anything is timed. */
  probeText: string;
}

/** The offset just after the first match of `pattern` in `text`, plus `delta` characters. */
function offsetOf(text: string, pattern: RegExp, delta = 0): number {
  const match = pattern.exec(text);
  if (!match) throw new Error(`benchmark fixture has no ${pattern}`);
  return match.index + match[0].length + delta;
}

/** Line/character of an offset in `text`. */
function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Line/character just after the first match of `pattern` in `text`, plus `delta` characters. */
function positionOf(text: string, pattern: RegExp, delta = 0): Position {
  return positionAt(text, offsetOf(text, pattern, delta));
}

/** The session text and where a key is completed in it. */
function sessionOf(text: string, kind: FixtureKind, minified: boolean): { text: string; keyCompletion: Position } {
  if (minified) return { text, keyCompletion: positionOf(text, /"IKEOptionsSpecification":\{/) };
  // The blank line goes right after the object's opening line, indented as its members are.
  const ikeOpen = kind === 'json' ? /^( *)"IKEOptionsSpecification": \{\n/m : /^( *)IKEOptionsSpecification:\n/m;
  const open = ikeOpen.exec(text);
  if (!open) throw new Error('benchmark fixture has no IKEOptionsSpecification');
  const indent = `${open[1]}  `;
  const insertAt = open.index + open[0].length;
  const blankLine = text.slice(0, insertAt).split('\n').length - 1;
  return {
    text: `${text.slice(0, insertAt)}${indent}\n${text.slice(insertAt)}`,
    keyCompletion: { line: blankLine, character: indent.length },
  };
}

/** Builds the scenario of one size × language from the shared fixtures. */
export function buildScenario(size: BenchSize, kind: FixtureKind): Scenario {
  if (!sizeHasKind(size, kind)) throw new Error(`no ${size} fixture in ${kind}`);
  const minified = size === 'minified';
  const text = minified ? minifiedFixtureText() : fixtureText(size, kind);
  const json = kind === 'json';
  const session = sessionOf(text, kind, minified);
  const sessionText = session.text;

  const editPattern = json ? /"EncryptAlgorithm": ?"/ : /^ +EncryptAlgorithm: /m;
  const editPosition = positionOf(sessionText, editPattern);
  const valid = sessionText.split('\n')[editPosition.line][editPosition.character];
  if (!/[0-9]/.test(valid)) throw new Error(`benchmark edit expects a digit, found ${valid}`);
  // 3DES-CBC → 4DES-CBC is outside the enum: every server must report it, and the next toggle clears it.
  const invalid = String((Number(valid) + 1) % 10);
  const coldOffset = offsetOf(text, editPattern);
  return {
    size,
    kind,
    text,
    coldText: `${text.slice(0, coldOffset)}${invalid}${text.slice(coldOffset + 1)}`,
    sessionText,
    fileName: minified ? minifiedFixtureName() : fixtureName(size, kind),
    edit: { position: editPosition, valid, invalid },
    coldEdit: positionAt(text, coldOffset),
    keyCompletion: session.keyCompletion,
    enumCompletion: positionOf(sessionText, json ? /"DhGroupName": ?"/ : /^ +DhGroupName: /m),
    hover: positionOf(sessionText, json ? /"PropoAuthenAlgorithm"/ : /^ +PropoAuthenAlgorithm/m, -10),
    probeText: json ? '{\n  "VpnGatewayId": 1\n}\n' : 'VpnGatewayId: 1\n',
  };
}
