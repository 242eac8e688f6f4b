/**
 * Hover on a key or a value: the parameter's explanation (schemaDocs.ts) and, on a value with a meaning, what
 * that value means. List items explain the list they belong to.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { accountHoverMarkdown } from './accountHover';
import type { AccountResources } from '../account/snapshot';
import type { Lang } from '../types';
import { actionOfPart } from '../schema/partAction';
import { describeParameter } from '../schema/schemaDocs';
import { enumMeaning, requiredOf, rootSchemaOf, schemaAtPath } from '../schema/schemaLookup';
import { locateOffset, type ParsedFile } from '../parsing/tree';

/**
 * The hover at an offset, or null where there is nothing to explain. On the value of an id field, the account's
 * card for that resource (or where it really is) comes first, when the account is known.
 */
export function hoverAt(
  doc: TextDocument,
  parsed: ParsedFile,
  offset: number,
  lang: Lang,
  account?: AccountResources,
): Hover | null {
  const part = parsed.parts.find((p) => offset >= p.offset && offset <= p.offset + p.length);
  if (!part?.root) return null;
  const location = locateOffset(part.root, offset);
  const named = location.path.length - [...location.path].reverse().findIndex((segment) => typeof segment === 'string');
  if (named > location.path.length) return null;
  const propertyPath = location.path.slice(0, named);
  const name = String(propertyPath[propertyPath.length - 1]);
  const root = rootSchemaOf(actionOfPart(part, doc.getText(), parsed.kind));
  const schema = schemaAtPath(root, propertyPath);
  if (!schema) return null;
  const required = requiredOf(schemaAtPath(root, propertyPath.slice(0, -1))).includes(name);
  let markdown = describeParameter(name, schema, required, lang, root);
  const node = location.node;
  const valueSchema = schemaAtPath(root, location.path);
  if (!location.onKey && node?.value !== undefined && valueSchema) {
    const meaning = enumMeaning(valueSchema, node.value, lang);
    if (meaning) markdown = `\`${JSON.stringify(node.value)}\`: ${meaning}\n\n---\n\n${markdown}`;
    const card = accountHoverMarkdown(part.value, location.path, node.value, account, lang);
    if (card) markdown = `${card}\n\n---\n\n${markdown}`;
  }
  const span =
    location.onKey && location.property
      ? { offset: location.property.keyOffset, length: location.property.keyLength }
      : node
        ? { offset: node.offset, length: node.length }
        : undefined;
  const range = span && { start: doc.positionAt(span.offset), end: doc.positionAt(span.offset + span.length) };
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, ...(range ? { range } : {}) };
}
