/**
 * A lab input file: read from disk, checked by the language library's one pipeline (the same checks as the
 * editor and `tcvpn validate`), and reduced to the CreateVpnConnection parameters of its first document.
 * A file with errors is refused with the errors named: the lab proves a valid file, it does not guess.
 */
import { readFileSync, statSync } from 'node:fs';
import { checkText } from '../language';

/** The parameters of a file's first CreateVpnConnection document, or why there are none. */
export type LabFile = { params: Record<string, unknown>; problems: [] } | { params: undefined; problems: string[] };

const MAX_BYTES = 5 * 1024 * 1024;

/** Reads and checks `path`. */
export function readLabFile(path: string): LabFile {
  let text: string;
  try {
    if (!statSync(path).isFile()) return { params: undefined, problems: [`${path} is not a regular file`] };
    if (statSync(path).size > MAX_BYTES) return { params: undefined, problems: [`${path} is larger than 5 MB`] };
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { params: undefined, problems: [`cannot read ${path}: ${(error as Error).message}`] };
  }
  return labParamsOf(text, /\.ya?ml$/i.test(path) ? 'yaml' : 'json', path);
}

/** Checks a file's text and returns its first CreateVpnConnection document's parameters. */
export function labParamsOf(text: string, kind: 'yaml' | 'json', name = 'input'): LabFile {
  const check = checkText(text, kind, `file:///${name}`, { lang: 'en', disabledRules: [] });
  const errors = check.blocking.map((d) => `${name}:${d.range.start.line + 1}: ${d.message}`);
  if (errors.length) return { params: undefined, problems: errors };
  const part = check.parts.find((candidate) => candidate.action === 'CreateVpnConnection' && candidate.params);
  if (!part?.params) return { params: undefined, problems: [`${name} holds no CreateVpnConnection document`] };
  return { params: part.params, problems: [] };
}
