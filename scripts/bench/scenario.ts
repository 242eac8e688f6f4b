/**
 * What the benchmark does to each fixture, as positions in its text. The same text and positions go to every
 * server, so a difference in time is a difference in the server. Positions are found by searching the rendered
 * fixture (test/support/fixtures.ts), not hard-coded, so they stay right when the fixtures are regenerated.
 */
import type { Position } from 'vscode-languageserver-protocol/node';
import { fixtureName, fixtureText, type FixtureKind, type FixtureSize } from '../../test/support/fixtures';

export const SIZES: readonly FixtureSize[] = ['typical', 'medium', 'large'];
export const KINDS: readonly FixtureKind[] = ['json', 'yaml'];

/** A fixture prepared for one size and language. */
export interface Scenario {
  size: FixtureSize;
  kind: FixtureKind;
  /** The fixture itself, as committed/generated: what open→diagnostics opens. */
  text: string;
  /** The fixture plus one blank, indented line inside IKEOptionsSpecification (still valid): where a key is typed. */
  sessionText: string;
  /** The file name every URI ends with (`*.vpnconn.json` / `*.vpnconn.yaml`), which the peers' globs match. */
  fileName: string;
  /** The first character of IPSECOptionsSpecification.EncryptAlgorithm's value ("3DES-CBC"): the digit we toggle. */
  edit: { position: Position; valid: string; invalid: string };
  /** Completion on the blank line inside IKEOptionsSpecification (property names expected). */
  keyCompletion: Position;
  /** Completion at the start of IKEOptionsSpecification.DhGroupName's value (enum values expected). */
  enumCompletion: Position;
  /** Hover in the middle of the key PropoAuthenAlgorithm. */
  hover: Position;
  /** A tiny document with a schema error, to know a server has loaded the schema before anything is timed. */
  probeText: string;
}

/** Line/character of the first match of `pattern` in `text`, plus `delta` characters. */
function positionOf(text: string, pattern: RegExp, delta = 0): Position {
  const match = pattern.exec(text);
  if (!match) throw new Error(`benchmark fixture has no ${pattern}`);
  const offset = match.index + match[0].length + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Builds the scenario of one size × language from the shared fixtures. */
export function buildScenario(size: FixtureSize, kind: FixtureKind): Scenario {
  const text = fixtureText(size, kind);
  const json = kind === 'json';
  // The blank line goes right after the object's opening line, indented as its members are.
  const ikeOpen = json ? /^( *)"IKEOptionsSpecification": \{\n/m : /^( *)IKEOptionsSpecification:\n/m;
  const open = ikeOpen.exec(text);
  if (!open) throw new Error('benchmark fixture has no IKEOptionsSpecification');
  const indent = `${open[1]}  `;
  const insertAt = open.index + open[0].length;
  const sessionText = `${text.slice(0, insertAt)}${indent}\n${text.slice(insertAt)}`;
  const blankLine = text.slice(0, insertAt).split('\n').length - 1;

  const editPosition = positionOf(sessionText, json ? /"EncryptAlgorithm": "/ : /^ +EncryptAlgorithm: /m);
  const valid = sessionText.split('\n')[editPosition.line][editPosition.character];
  if (!/[0-9]/.test(valid)) throw new Error(`benchmark edit expects a digit, found ${valid}`);
  return {
    size,
    kind,
    text,
    sessionText,
    fileName: fixtureName(size, kind),
    // 3DES-CBC → 4DES-CBC is outside the enum: every server must report it, and the next toggle clears it.
    edit: { position: editPosition, valid, invalid: String((Number(valid) + 1) % 10) },
    keyCompletion: { line: blankLine, character: indent.length },
    enumCompletion: positionOf(sessionText, json ? /"DhGroupName": "/ : /^ +DhGroupName: /m),
    hover: positionOf(sessionText, json ? /"PropoAuthenAlgorithm"/ : /^ +PropoAuthenAlgorithm/m, -10),
    probeText: json ? '{\n  "VpnGatewayId": 1\n}\n' : 'VpnGatewayId: 1\n',
  };
}
