/**
 * Random edits as a user (or a clumsy paste) makes them: typing a plausible token, deleting a span, replacing a
 * span, and pasting random code units (NUL, lone surrogates, CR, tabs, BOM, any BMP character). Each edit is a
 * plain offset/length/text triple so the in-process fuzz and the LSP fuzz apply exactly the same ones.
 */
import type { Prng } from './prng';

export interface TextEditAt {
  offset: number;
  length: number;
  text: string;
}

export type EditKind = 'insert' | 'delete' | 'replace' | 'paste';

/** Tokens a person types in these files; they steer the fuzz towards almost-valid documents. */
const TOKENS: Record<'json' | 'yaml', string[]> = {
  json: [
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    '"',
    '"PreShareKey": "x"',
    '"IKEOptionsSpecification": {}',
    'null',
    'true',
    '-1e999',
    '\n',
    '  ',
    '//',
    '/*',
    '\\u12',
    '"Tags": [{"Key": "a"}]',
    '0.5',
  ],
  yaml: [
    ':',
    '- ',
    '\n  ',
    '\n',
    '  ',
    '#',
    '&a ',
    '*a',
    '---\n',
    '"',
    "'",
    '|\n  x',
    '>-\n  y',
    '? ',
    '{',
    '[',
    'PfsDhGroup: NULL',
    'Tags:\n  - Key: k',
    '!!binary ',
    '%YAML 1.2\n',
    '<<: *a',
    '\t',
    'yes',
  ],
};

/** Characters a random paste may contain, besides any BMP character. */
const NASTY = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\r',
  '\r\n',
  '\t',
  '\uFEFF',
  '\u2028',
  '\u00A0',
  '\uFFFD',
  '\u{1F600}',
  '\\',
  '"',
  '\x7F',
];

function randomPaste(prng: Prng): string {
  const length = 1 + prng.int(prng.chance(0.1) ? 400 : 24);
  let text = '';
  while (text.length < length) text += prng.chance(0.4) ? prng.pick(NASTY) : String.fromCharCode(prng.int(0x10000));
  return text;
}

/** One random edit of `text` in the given language. */
export function randomEdit(prng: Prng, text: string, kind: 'json' | 'yaml'): TextEditAt & { edit: EditKind } {
  const offset = prng.int(text.length + 1);
  const span = Math.min(text.length - offset, 1 + prng.int(prng.chance(0.1) ? 200 : 12));
  const edit = prng.pick<EditKind>(['insert', 'insert', 'delete', 'replace', 'paste']);
  switch (edit) {
    case 'insert':
      return { edit, offset, length: 0, text: prng.pick(TOKENS[kind]) };
    case 'delete':
      return { edit, offset, length: span, text: '' };
    case 'replace':
      return { edit, offset, length: span, text: prng.chance(0.5) ? prng.pick(TOKENS[kind]) : randomPaste(prng) };
    default:
      return { edit, offset, length: 0, text: randomPaste(prng) };
  }
}

/** The text after an edit. */
export function applyEdit(text: string, edit: TextEditAt): string {
  return text.slice(0, edit.offset) + edit.text + text.slice(edit.offset + edit.length);
}
