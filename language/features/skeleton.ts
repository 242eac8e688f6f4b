/**
 * What an empty document is offered: the required parameters of the action with example values, and the
 * official request example (gateway, customer gateway, SPD, IKE and IPsec options) as a fuller start.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { snippetItem, type ItemContext } from './completionItem';
import { requiredOf, sampleValue, structuredSample, type JsonSchema } from '../schema/schemaLookup';
import { SnippetWriter } from './snippets';

/** The optional parameters the official CreateVpnConnection example fills in. */
const OFFICIAL_EXAMPLE_EXTRAS = [
  'VpcId',
  'SecurityPolicyDatabases',
  'IKEOptionsSpecification',
  'IPSECOptionsSpecification',
];

function sampleOf(root: JsonSchema, names: string[]): Record<string, unknown> {
  const present = names.filter((name) => root.properties?.[name]);
  return Object.fromEntries(
    present.map((name) => [
      name,
      name in (root.properties ?? {}) ? structuredSample(root.properties![name]) : sampleValue(undefined),
    ]),
  );
}

function documentText(request: ItemContext, sample: Record<string, unknown>): string {
  const writer = new SnippetWriter({ kind: request.kind, baseIndent: '', unit: request.unit });
  return request.kind === 'json'
    ? `${writer.value(sample, request.root, 0)}\n`
    : `${writer.yamlEntries(sample, request.root, 0).join('\n')}\n`;
}

/** The skeleton items for an empty document. */
export function skeletonItems(request: ItemContext): CompletionItem[] {
  const { root, lang } = request;
  const required = requiredOf(root);
  const title = String(root.title ?? '');
  const items = [
    {
      label: lang === 'zh' ? `${title}：必填参数骨架` : `${title}: required parameters`,
      names: required,
      detail: required.join(', '),
    },
    {
      label: lang === 'zh' ? `${title}：官方示例` : `${title}: official example`,
      names: [...required, ...OFFICIAL_EXAMPLE_EXTRAS],
      detail: [...required, ...OFFICIAL_EXAMPLE_EXTRAS].join(', '),
    },
  ];
  return items
    .filter(
      (item, index) => index === 0 || item.names.some((name) => !required.includes(name) && root.properties?.[name]),
    )
    .map((item, index) =>
      snippetItem(request, item.label, documentText(request, sampleOf(root, item.names)), {
        kind: CompletionItemKind.Snippet,
        detail: item.detail,
        documentation: {
          kind: MarkupKind.Markdown,
          value:
            lang === 'zh'
              ? '插入带示例值的参数；按 Tab 逐个修改。'
              : 'Inserts the parameters with example values; press Tab to edit each.',
        },
        sortText: String(index),
        filterText: item.label,
      }),
    );
}
