/** Hover through vscode.executeHoverProvider: the documentation of a key, taken from the committed schema. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionApi, hoverText, openFixture, ourExtension, positionOf } from '../support/helpers';

interface DocumentedProperty {
  'x-doc-en'?: string;
  'x-doc-zh'?: string;
}

function documentationOf(key: string): DocumentedProperty {
  const file = path.join(ourExtension().extensionPath, 'schemas', 'CreateVpnConnection.schema.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as { properties: Record<string, DocumentedProperty> };
  return schema.properties[key];
}

async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.map(hoverText).join('\n---\n');
}

describe('hover', () => {
  before(extensionApi);

  it('documents a key of a YAML file with the schema text', async () => {
    const { document } = await openFixture('static-gz.vpnconn.yaml');
    const text = await hoversAt(document.uri, positionOf(document, 'VpnGatewayId', 3));
    const doc = documentationOf('VpnGatewayId');
    assert.ok(text.includes('VpnGatewayId'), `the hover does not name the key: ${text}`);
    assert.ok(
      (doc['x-doc-en'] && text.includes(doc['x-doc-en'])) || (doc['x-doc-zh'] && text.includes(doc['x-doc-zh'])),
      `the hover lacks the key's documentation: ${text}`,
    );
  });

  it('documents a key of a JSON file', async () => {
    const { document } = await openFixture('static-gz.vpnconn.json');
    const text = await hoversAt(document.uri, positionOf(document, '"CustomerGatewayId"', 3));
    const doc = documentationOf('CustomerGatewayId');
    assert.ok(
      (doc['x-doc-en'] && text.includes(doc['x-doc-en'])) || (doc['x-doc-zh'] && text.includes(doc['x-doc-zh'])),
      `the hover lacks the key's documentation: ${text}`,
    );
  });

  it('shows nothing of ours on a comment line', async () => {
    const { document } = await openFixture('static-gz.vpnconn.yaml');
    const text = await hoversAt(document.uri, new vscode.Position(0, 4));
    assert.ok(
      !text.includes(documentationOf('VpnGatewayId')['x-doc-en'] ?? '\u0000'),
      `a comment shows key documentation: ${text}`,
    );
  });
});
