/**
 * Completion through vscode.executeCompletionItemProvider, i.e. what the suggest widget receives from every
 * provider: our property keys, enum values of the schema and snippets with placeholders.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, labelOf, openFixture, ourExtension, positionOf } from '../support/helpers';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

interface PropertySchema {
  enum?: string[];
}

/** The committed CreateVpnConnection schema of the extension under test: the source of truth for keys and enums. */
function createSchema(): { properties: Record<string, PropertySchema>; required: string[] } {
  const file = path.join(ourExtension().extensionPath, 'schemas', 'CreateVpnConnection.schema.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { properties: Record<string, PropertySchema>; required: string[] };
}

async function completionsAt(
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
  );
  return list.items;
}

/** Replaces the whole text (in memory; the suite never saves) and returns the document. */
async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

describe('completion', () => {
  before(extensionApi);

  it('offers the missing property keys of CreateVpnConnection at the start of a line', async () => {
    const { document } = await openFixture('completion.vpnconn.yaml');
    await setText(document, 'VpnGatewayId: vpngw-1w9tue3d\n\n');
    const labels = (await completionsAt(document, new vscode.Position(1, 0))).map(labelOf);
    for (const key of ['CustomerGatewayId', 'VpnConnectionName', 'PreShareKey', 'IKEOptionsSpecification']) {
      assert.ok(labels.includes(key), `no completion "${key}" among: ${labels.join(', ')}`);
    }
    assert.ok(!labels.includes('VpnGatewayId'), 'a key that is already present is offered again');
  });

  it('offers the enum values of RouteType from the schema', async () => {
    const { document } = await openFixture('completion.vpnconn.yaml');
    await setText(document, 'VpnGatewayId: vpngw-1w9tue3d\nRouteType: \n');
    const labels = (await completionsAt(document, positionOf(document, 'RouteType: ', 'RouteType: '.length))).map(
      labelOf,
    );
    const expected = createSchema().properties.RouteType.enum ?? [];
    assert.ok(expected.length > 1, 'the schema lost the RouteType enum');
    for (const value of expected)
      assert.ok(
        labels.some((l) => l.replace(/["']/g, '') === value),
        `no completion "${value}" among: ${labels.join(', ')}`,
      );
  });

  it('offers snippets with placeholders for object properties', async () => {
    const { document } = await openFixture('completion.vpnconn.yaml');
    await setText(document, 'VpnGatewayId: vpngw-1w9tue3d\n\n');
    const items = await completionsAt(document, new vscode.Position(1, 0));
    const snippets = items.filter(
      (item) => item.insertText instanceof vscode.SnippetString && /\$\{?\d/.test(item.insertText.value),
    );
    assert.ok(snippets.length > 0, `no snippet completion among: ${items.map(labelOf).join(', ')}`);
    const ike = items.find(
      (item) => labelOf(item) === 'IKEOptionsSpecification' || labelOf(item).startsWith('IKEOptionsSpecification'),
    );
    assert.ok(ike, 'no completion for IKEOptionsSpecification');
  });

  it('offers keys inside a JSON object too', async () => {
    const { document } = await openFixture('static-gz.vpnconn.json');
    const position = positionOf(document, '{', 1);
    const labels = (await completionsAt(document, position)).map(labelOf).map((l) => l.replace(/"/g, ''));
    assert.ok(labels.includes('RouteType'), `no completion "RouteType" in the JSON file among: ${labels.join(', ')}`);
  });
});
