/**
 * Code actions through the service facade, as the LSP server asks for them: the WorkspaceEdit must name the
 * document, or an editor has nothing to apply it to (VS Code reports "Unable to read file" for an empty URI).
 */
import * as assert from 'node:assert/strict';
import { EN, makeDoc, service } from './helpers';

describe('service code actions', () => {
  it('keys every quick fix edit by the document URI, in JSON and YAML', () => {
    const texts = { json: '{"RouteType": "static"}', yaml: 'RouteType: static\n' };
    for (const kind of ['json', 'yaml'] as const) {
      const doc = makeDoc(kind, texts[kind]);
      const diagnostics = service.validate(doc, EN);
      const actions = service.codeActions(doc, diagnostics[0].range, diagnostics, EN);
      const fix = actions.find((action) => action.title.includes('STATIC'));
      assert.ok(fix, `no STATIC fix in ${kind}: ${actions.map((a) => a.title).join(' | ')}`);
      assert.deepEqual(Object.keys(fix.edit?.changes ?? {}), [doc.uri], kind);
    }
  });
});
