/**
 * Reads the silencing comments of a YAML file, found with the `yaml` library's lexer so that a "#" inside a
 * quoted string or a block scalar never counts:
 *   # tcvpn-disable-line <id>[, <id>...]        on the line it ends
 *   # tcvpn-disable-next-line <id>[, <id>...]   on the line below
 *   # tcvpn-disable [<id>...]                   the whole file
 * An id is a rule id ("dpd-fields-ignored", "schema.enum") or an API error code; no ids means every rule.
 */
import { Lexer } from 'yaml';

/** A set of silenced ids, or every rule. */
export interface Silenced {
  all: boolean;
  ids: Set<string>;
}

export interface SuppressionComments {
  file: Silenced;
  /** Zero-based line number → what is silenced on it. */
  lines: Map<number, Silenced>;
}

const DIRECTIVE = /^#\s*tcvpn-disable(-line|-next-line)?(?:\s+(.*))?$/;
/** Lexer tokens that mark structure without standing for any source text. */
const ZERO_WIDTH = new Set(['\x02', '\x18', '\x1f']);

/** Every directive in the text; cheap to call on files without any (a substring test comes first). */
export function suppressionComments(text: string): SuppressionComments {
  const found: SuppressionComments = { file: { all: false, ids: new Set() }, lines: new Map() };
  if (!text.includes('tcvpn-disable')) return found;
  let line = 0;
  for (const token of new Lexer().lex(text)) {
    if (ZERO_WIDTH.has(token)) continue;
    const directive = token.startsWith('#') ? DIRECTIVE.exec(token.trimEnd()) : null;
    if (directive) addDirective(found, directive[1], directive[2], line);
    line += countNewlines(token);
  }
  return found;
}

function addDirective(
  found: SuppressionComments,
  scope: string | undefined,
  list: string | undefined,
  line: number,
): void {
  const ids = (list ?? '').split(/[\s,]+/).filter((id) => id !== '' && !id.startsWith('#'));
  const target = scope === undefined ? found.file : silencedLine(found, scope === '-line' ? line : line + 1);
  if (ids.length === 0) target.all = true;
  for (const id of ids) target.ids.add(id);
}

function silencedLine(found: SuppressionComments, line: number): Silenced {
  let silenced = found.lines.get(line);
  if (!silenced) found.lines.set(line, (silenced = { all: false, ids: new Set() }));
  return silenced;
}

function countNewlines(token: string): number {
  let count = 0;
  for (let index = token.indexOf('\n'); index >= 0; index = token.indexOf('\n', index + 1)) count++;
  return count;
}
