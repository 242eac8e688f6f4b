/**
 * What a document means, independent of its layout: the values a parser reads from it. Formatting must keep it:
 * when the text parses before formatting, the formatted text must parse to deeply equal values.
 */
import { isDeepStrictEqual } from 'node:util';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';

/** The parsed values of a text, or undefined when it has syntax errors (its meaning is then not defined). */
export function meaningOf(text: string, kind: 'json' | 'yaml'): { values: unknown[] } | undefined {
  if (kind === 'json') {
    const errors: ParseError[] = [];
    const value: unknown = parseJsonc(text, errors, {
      allowTrailingComma: false,
      disallowComments: false,
      allowEmptyContent: true,
    });
    return errors.length ? undefined : { values: [value] };
  }
  try {
    const docs = parseAllDocuments(text, { uniqueKeys: true });
    if (!Array.isArray(docs) || docs.some((doc) => doc.errors.length)) return undefined;
    return { values: docs.map((doc) => doc.toJS({ maxAliasCount: 100 }) as unknown) };
  } catch {
    return undefined;
  }
}

/** Undefined when formatting kept the meaning (or the original had none); else a description of the change. */
export function meaningChange(before: string, after: string, kind: 'json' | 'yaml'): string | undefined {
  const original = meaningOf(before, kind);
  if (!original) return undefined;
  const formatted = meaningOf(after, kind);
  if (!formatted) return 'the formatted text no longer parses';
  if (!isDeepStrictEqual(original.values, formatted.values)) {
    return `values differ: ${JSON.stringify(original.values).slice(0, 300)} -> ${JSON.stringify(formatted.values).slice(0, 300)}`;
  }
  return undefined;
}
