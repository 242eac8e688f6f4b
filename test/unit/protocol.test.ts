/**
 * The contracts are declared once and used by name. Command ids live in client/commands.ts: package.json
 * `contributes.commands` declares exactly those, every menu entry names one, and the client registers each.
 * Custom LSP messages live in protocol/messages.ts: each method name is ours and unique, and no file of the
 * client or the server spells one out instead of using its declaration.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Commands } from '../../client/commands';
import * as messages from '../../protocol/messages';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const declared: string[] = Object.values(Commands);

/**
 * Files that still spell command ids out: their owners switch them to `Commands` and take them off this list
 * (the test fails when a listed file no longer needs to be here, so the list only shrinks).
 */

/** The TypeScript sources under `dir` (relative to the repository), recursively. */
function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourcesUnder(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');

/** The command id literals (`'tencentcloudVpn.submit'`) a source spells out, code only (comments left out). */
function commandLiterals(file: string): string[] {
  const code = read(file).replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  return declared.filter((id) => code.includes(`'${id}'`) || code.includes(`"${id}"`) || code.includes(`\`${id}\``));
}

/** The custom message namespaces of protocol/messages.ts: every export with a `method` and a `type`. */
function customMessages(): { name: string; method: string; typeMethod: string }[] {
  return Object.entries(messages as Record<string, unknown>).flatMap(([name, value]) => {
    const message = value as { method?: unknown; type?: { method?: unknown } };
    if (typeof message?.method !== 'string' || !message.type) return [];
    return [{ name, method: message.method, typeMethod: String(message.type.method) }];
  });
}

describe('protocol: command ids', () => {
  it('package.json contributes exactly the commands of client/commands.ts', () => {
    const contributed = (manifest.contributes.commands as { command: string }[]).map((entry) => entry.command);
    assert.deepEqual([...contributed].sort(), [...declared].sort());
  });

  it('every menu entry names a declared command', () => {
    const menus = manifest.contributes.menus as Record<string, { command?: string }[]>;
    for (const [menu, entries] of Object.entries(menus)) {
      for (const entry of entries)
        assert.ok(entry.command && declared.includes(entry.command), `${menu}: ${entry.command}`);
    }
  });

  it('every declared command is registered by the extension', () => {
    const client = sourcesUnder('client').map(read).join('\n');
    const keyOf = new Map<string, string>(Object.entries(Commands).map(([key, id]) => [id, key]));
    for (const id of declared) {
      const registered = client.includes(`registerCommand(Commands.${keyOf.get(id)},`);
      assert.ok(registered, `${id} is contributed but never registered`);
    }
  });

  it('the client and the editor tests name commands through Commands, not string literals', () => {
    const files = [...sourcesUnder('client'), ...sourcesUnder('test/editor')].filter(
      (file) => file !== 'client/commands.ts',
    );
    const spelled = files.filter((file) => commandLiterals(file).length > 0);
    assert.deepEqual(spelled, [], 'literal command ids');
  });
});

describe('protocol: custom messages', () => {
  it('declares each message once, under our prefix, with its type built from its method', () => {
    const found = customMessages();
    assert.ok(
      found.some((m) => m.name === 'ResourcesRequest'),
      'the message namespaces are found',
    );
    for (const message of found) {
      assert.ok(message.method.startsWith(messages.TencentCloudVpnProtocol.METHOD_PREFIX), message.method);
      assert.equal(message.typeMethod, message.method, message.name);
    }
    assert.equal(new Set(found.map((m) => m.method)).size, found.length, 'method names are unique');
  });

  it('no file of the client or the server spells a custom method name out', () => {
    const prefix = messages.TencentCloudVpnProtocol.METHOD_PREFIX;
    for (const file of [...sourcesUnder('client'), ...sourcesUnder('server')]) {
      const code = read(file).replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
      assert.ok(
        !new RegExp(`['"\`]${prefix}`).test(code),
        `${file} names a ${prefix}* method: use protocol/messages.ts`,
      );
    }
  });
});
