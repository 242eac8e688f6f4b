/**
 * The tccli export: `tccli vpc CreateVpnConnection --region R --Name value …`, one POSIX-shell line (continued
 * with backslashes) that sends the file's request. tccli's default argument form is used, as its argument.py reads
 * it: a String as is, an Integer as digits, a Boolean as True/False, and each Object or Array parameter as one JSON
 * word. Not `--cli-unfold-argument`: it expands list indexes only up to the profile's arrayCount (10 by default),
 * so a file with more security policies or tags would be refused; not `--cli-input-json`, which takes only a
 * `file://` path. The pre-shared key is read from an environment variable (sh stops with a message when it is
 * unset) unless the user asks for the key itself. Every word is shell-quoted, so a name with quotes, spaces or `$`
 * reaches tccli exactly.
 */
import { connectionName, knownParams, PSK_ENV_NAME, PSK_PARAM, type ExportRequest } from './request';
import type { ExportResult } from './result';
import { shellQuote } from './shellQuote';

/** The pre-shared key's word: the environment variable, in double quotes, required to be set. */
export const PSK_ENV_WORD = `"\${${PSK_ENV_NAME}:?set ${PSK_ENV_NAME} to the pre-shared key}"`;

/** A parameter's value as tccli reads it, or undefined when it has no tccli form (null). */
export function tccliValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return undefined;
}

/** Renders the tccli export of a request. */
export function toTccli(request: ExportRequest, includePsk: boolean): ExportResult {
  const { known, unknown } = knownParams(request.params);
  const unsupported = [...unknown];
  const words: string[] = [];
  for (const [key, value] of known) {
    const text = tccliValue(value);
    if (text === undefined) unsupported.push(key);
    else if (key === PSK_PARAM && !(includePsk && typeof value === 'string')) words.push(`--${key} ${PSK_ENV_WORD}`);
    else words.push(`--${key} ${shellQuote(text)}`);
  }
  if (!known.some(([key]) => key === PSK_PARAM)) words.push(`--${PSK_PARAM} ${PSK_ENV_WORD}`);
  const head = ['tccli vpc CreateVpnConnection', ...(request.region ? [`--region ${shellQuote(request.region)}`] : [])];
  const notes = request.region ? [] : [`no region in the file: tccli uses its profile's region (add --region)`];
  if (!includePsk) notes.push(`the pre-shared key of ${connectionName(request.params)} is read from $${PSK_ENV_NAME}`);
  return { text: `${[head.join(' '), ...words].join(' \\\n  ')}\n`, unsupported, notes };
}
