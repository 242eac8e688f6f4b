/**
 * Completion: the keys an object may still take (required first; of a parameter with two spellings only the
 * offered one, and neither once the object has either), the values a key or list item accepts (enum values with
 * their meanings, booleans, examples, whole nested objects and list items), and a skeleton of the required
 * parameters in an empty document. Text is built per language by snippets.ts.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { accountCompletion, mergeAccountItems } from './accountCompletion';
import type { AccountResources } from '../account/snapshot';
import type { Lang } from '../types';
import { jsonContext, type CompletionContext } from './completionContext';
import { actionOfPart } from '../schema/partAction';
import { describeParameter } from '../schema/schemaDocs';
import {
  enumMeaning,
  rootSchemaOf,
  schemaAtPath,
  spellingsOf,
  structuredSample,
  visibleProperties,
  type JsonSchema,
} from '../schema/schemaLookup';
import { escapeSnippet, SnippetWriter, yamlScalar } from './snippets';
import { nodeAtPath, type ParsedFile, type ParsedPart } from '../parsing/tree';
import { yamlContext } from './yamlContext';
import { skeletonItems } from './skeleton';
import { keysRuledOutByIdentity } from './identityKeys';
import { valueAt } from '../schema/schemaFindings';
import { snippetItem, type ItemContext } from './completionItem';

/**
 * The completion list at an offset; empty for files too large to analyse. On an id field the account's
 * resources of the document's region come first when already known; the list is marked incomplete while they
 * are being fetched, so the editor asks again, but it never waits for them.
 */
export function completeAt(
  doc: TextDocument,
  parsed: ParsedFile,
  offset: number,
  lang: Lang,
  account?: AccountResources,
): CompletionList {
  if (parsed.tooLarge) return { isIncomplete: false, items: [] };
  const text = doc.getText();
  const part =
    parsed.parts.find((p) => offset >= p.offset && offset <= p.offset + p.length) ??
    parsed.parts[parsed.parts.length - 1];
  const context =
    parsed.kind === 'json' ? jsonContext(text, offset, part?.root) : yamlContext(text, offset, part?.offset ?? 0);
  const root = rootSchemaOf(part ? actionOfPart(part, text, parsed.kind) : '');
  const request: ItemContext = {
    doc,
    kind: parsed.kind,
    context,
    root,
    lang,
    unit: parsed.kind === 'yaml' ? '  ' : indentUnit(text),
  };
  const items = itemsFor(request, part, offset);
  const fromAccount = accountCompletion(request, part?.value, account);
  return {
    isIncomplete: fromAccount.incomplete,
    items: fromAccount.items.length ? mergeAccountItems(fromAccount.items, items) : items,
  };
}

function itemsFor(request: ItemContext, part: ParsedPart | undefined, offset: number): CompletionItem[] {
  const { context, root } = request;
  if (context.position === 'empty') return skeletonItems(request);
  const schema = schemaAtPath(root, context.path);
  if (context.position === 'key') return keyItems(request, schema, existingKeys(part, context, offset));
  const items = valueItems(request, schema, listExamples(root, context));
  if (context.itemStart && schema?.type === 'object')
    items.push(...keyItems(request, schema, existingKeys(part, context, offset)));
  return items;
}

/**
 * The keys not to offer: those already present in the object, except the one being typed, and those its IKE
 * identity types rule out (identityKeys.ts).
 */
function existingKeys(part: ParsedPart | undefined, context: CompletionContext, offset: number): Set<string> {
  const node = nodeAtPath(part?.root, context.path);
  const typed = (p: { keyOffset: number; keyLength: number }) =>
    offset >= p.keyOffset && offset <= p.keyOffset + p.keyLength;
  const present = (node?.properties ?? []).filter((p) => !typed(p)).map((p) => p.key);
  return new Set([...present, ...keysRuledOutByIdentity(valueAt(part?.value, context.path))]);
}

/** The indentation unit the JSON file already uses (two spaces when it cannot tell). */
function indentUnit(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text.slice(0, 2000));
  return match ? (match[1].startsWith('\t') ? '\t' : match[1]) : '  ';
}

/** Keys that describe the file rather than the tunnel; offered after the API's own parameters. */
const META_KEYS = new Set(['$schema', 'Action', 'Version', 'Region']);

function keyItems(request: ItemContext, schema: JsonSchema | undefined, existing: Set<string>): CompletionItem[] {
  const { context, kind, lang, root } = request;
  const required = new Set(schema?.required ?? []);
  return (
    visibleProperties(schema)
      // A key whose other spelling is already there is not offered either: one object holds one spelling.
      .filter((name) => !spellingsOf(name).some((spelling) => existing.has(spelling)))
      .map((name, index) => {
        const property = schema!.properties![name];
        const writer = new SnippetWriter({ kind, baseIndent: context.baseIndent, unit: request.unit });
        const sample = structuredSample(property);
        const quotedName = `"${escapeSnippet(name)}"`;
        const newText =
          kind === 'json'
            ? context.keyOnly
              ? quotedName
              : `${quotedName}: ${writer.value(sample, property, 0)}${context.suffix}`
            : writer.yamlEntries({ [name]: sample }, schema, 0)[0];
        return snippetItem(request, name, newText, {
          kind: CompletionItemKind.Property,
          detail: `${property.type ?? ''}${required.has(name) ? (lang === 'zh' ? ' · 必填' : ' · required') : ''}`,
          documentation: {
            kind: MarkupKind.Markdown,
            value: describeParameter(name, property, required.has(name), lang, root),
          },
          sortText: `${required.has(name) ? 0 : META_KEYS.has(name) ? 2 : 1}${String(index).padStart(3, '0')}`,
          filterText: kind === 'json' && context.quoted ? `"${name}"` : name,
        });
      })
  );
}

/** For a list item, the items of the list's own example (a list of CIDRs has no per-item example). */
function listExamples(root: JsonSchema, context: CompletionContext): unknown[] {
  if (typeof context.path[context.path.length - 1] !== 'number') return [];
  const example = schemaAtPath(root, context.path.slice(0, -1))?.examples?.[0];
  return Array.isArray(example) ? example.filter((item) => typeof item !== 'object') : [];
}

function valueItems(
  request: ItemContext,
  schema: JsonSchema | undefined,
  extraExamples: unknown[] = [],
): CompletionItem[] {
  if (!schema) return [];
  const { context, kind, lang } = request;
  const spell = (value: unknown) => (kind === 'json' ? `${JSON.stringify(value)}${context.suffix}` : yamlScalar(value));
  const filterText = (value: unknown) => (kind === 'json' && context.quoted ? JSON.stringify(value) : String(value));
  const choices: { value: unknown; detail?: string; kind: CompletionItemKind }[] = [];
  if (schema.enum)
    schema.enum.forEach((value) =>
      choices.push({ value, detail: enumMeaning(schema, value, lang), kind: CompletionItemKind.EnumMember }),
    );
  else if (schema.type === 'boolean')
    [true, false].forEach((value) => choices.push({ value, kind: CompletionItemKind.Value }));
  else if (schema.type !== 'object' && schema.type !== 'array') {
    for (const value of new Set([
      ...(schema.examples ?? []),
      ...extraExamples,
      ...(schema.default !== undefined ? [schema.default] : []),
    ])) {
      choices.push({
        value,
        detail: value === schema.default ? (lang === 'zh' ? '默认值' : 'default') : lang === 'zh' ? '示例' : 'example',
        kind: CompletionItemKind.Value,
      });
    }
  }
  const items = choices.map((choice, index) =>
    snippetItem(request, String(choice.value), spell(choice.value), {
      kind: choice.kind,
      detail: choice.detail,
      documentation: choice.detail,
      sortText: String(index).padStart(3, '0'),
      filterText: filterText(choice.value),
      insertTextFormat: InsertTextFormat.PlainText,
    }),
  );
  if (schema.type === 'object' || schema.type === 'array') items.push(wholeValueItem(request, schema));
  return items;
}

/** A whole nested object or list, filled with the schema's sample values. */
function wholeValueItem(request: ItemContext, schema: JsonSchema): CompletionItem {
  const { context, kind, lang } = request;
  const writer = new SnippetWriter({ kind, baseIndent: context.baseIndent, unit: request.unit });
  const sample = structuredSample(schema);
  let newText: string;
  if (kind === 'json') newText = `${writer.value(sample, schema, 0)}${context.suffix}`;
  else if (context.itemStart) newText = writer.value(sample, schema, 0);
  else newText = `\n${context.baseIndent}${request.unit}${writer.value(sample, schema, 1)}`;
  const label = schema.type === 'array' ? '[…]' : '{…}';
  return snippetItem(request, label, newText, {
    kind: CompletionItemKind.Snippet,
    detail: lang === 'zh' ? '完整结构（示例值）' : 'Whole structure with example values',
    sortText: 'zzz',
    filterText: kind === 'json' ? label[0] : '',
  });
}
