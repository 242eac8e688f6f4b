/**
 * What a tunnel file's text says at its top level, read with the language library's own tree (JSON with comments
 * and YAML alike, offsets kept), for hosts that must not run the whole pipeline on every look: the editor's
 * status item, CodeLens and Account view read the `VpnConnectionId` and `Region` of each open file, and the
 * masked copy of a file shows its text with every top-level `PreShareKey` value replaced.
 */
import { parseText, propertyOf, type LanguageKind, type TreeNode } from '../../language';

/** A top-level string of the first document, trimmed, with the offset of its key. */
export interface TopLevelString {
  value?: string;
  keyOffset?: number;
}

function firstRoot(text: string, kind: LanguageKind): TreeNode | undefined {
  return parseText(text, kind).parts[0]?.root;
}

/** The top-level string at `key` of the text's first document (undefined when absent, empty or not a string). */
export function topLevelString(text: string, kind: LanguageKind, key: string): TopLevelString {
  const property = propertyOf(firstRoot(text, kind), key);
  const value = property?.value?.value;
  return {
    value: typeof value === 'string' && value.trim() ? value.trim() : undefined,
    keyOffset: property?.keyOffset,
  };
}

/**
 * The text with the value of every top-level `PreShareKey` (of every document, a repeated key included) replaced
 * by `mask` as a quoted string; a text too large to analyse is replaced whole, since its key cannot be found.
 */
export function maskTopLevelKey(text: string, kind: LanguageKind, key: string, mask: string): string {
  const parsed = parseText(text, kind);
  if (parsed.tooLarge) return `${mask}\n`;
  const values = parsed.parts
    .flatMap((part) => part.root?.properties ?? [])
    .filter((property) => property.key === key && property.value)
    .map((property) => property.value!)
    .sort((a, b) => b.offset - a.offset);
  let masked = text;
  for (const value of values)
    masked = `${masked.slice(0, value.offset)}"${mask}"${masked.slice(value.offset + value.length)}`;
  return masked;
}
