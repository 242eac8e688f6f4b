/**
 * A file is the tunnel, in the real editor, against the emulator the runner started: the account view lists the
 * emulator's gateways, their tunnels and the customer gateways; Open as File imports a seeded tunnel into a document
 * the language server finds no error in and that holds no pre-shared key; Show Changes opens the diff editor on the
 * live tunnel; an edited name is applied (the test's confirmation hook, as submit's) as one
 * ModifyVpnConnectionAttribute carrying only that field, and the status then says "in sync"; Reset and Delete on an
 * account item send their one request (the delete, of the seeded BGP tunnel, followed to its end, the view then
 * without it). The requests are seen through a recording proxy in front of the emulator (the endpoint setting points
 * at it for this file).
 */
import * as assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { TencentCloudVpnApi } from '../../../client/api';
import { Commands } from '../../../client/commands';
import type { SubmissionRecord } from '../../../cloud/submissionRecord';
import {
  describeDiagnostics,
  extensionApi,
  ourDiagnostics,
  waitFor,
  waitForDiagnostics,
  withUserSetting,
} from '../support/helpers';

const TUNNEL = 'vpnx-5eed01gz';
const SEEDED_PSK = 'seeded-psk-1';

/** A node of the account view, as the test reads it (the nodes are the extension's own objects). */
type Node = { kind: string; region?: string; id?: string };

interface Recorded {
  action: string;
  params: Record<string, unknown>;
}

/** Forwards every request to the emulator unchanged (the TC3 signature covers the Host it was sent to) and records it. */
async function startRecordingProxy(target: string): Promise<{ url: string; seen: Recorded[]; server: Server }> {
  const seen: Recorded[] = [];
  const upstream = new URL(target);
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const action = String(incoming.headers['x-tc-action'] ?? '');
      if (action) seen.push({ action, params: JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown> });
      const forwarded = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: incoming.url,
          method: incoming.method,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forwarded.on('error', () => outgoing.destroy());
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

async function children(api: TencentCloudVpnApi, node?: Node): Promise<Node[]> {
  return ((await api.accountTree.getChildren(node)) ?? []) as Node[];
}

async function itemOf(api: TencentCloudVpnApi, node: Node): Promise<vscode.TreeItem> {
  return api.accountTree.getTreeItem(node);
}

/** The node of `kind` whose id is `id` among `nodes`. */
function nodeWithId(nodes: Node[], kind: string, id: string): Node {
  const found = nodes.find((node) => node.kind === kind && node.id === id);
  assert.ok(
    found,
    `no ${kind} ${id} among ${nodes.map((node) => `${node.kind} ${node.id ?? node.region}`).join(', ')}`,
  );
  return found;
}

async function guangzhouNode(api: TencentCloudVpnApi): Promise<Node> {
  const regions = await children(api);
  const found = regions.find((node) => node.kind === 'region' && node.region === 'ap-guangzhou');
  assert.ok(found, `no ap-guangzhou among ${regions.map((node) => node.region).join(', ')}`);
  return found;
}

/** The tunnel node `id` under gateway `gatewayId` of ap-guangzhou. */
async function tunnelNamed(api: TencentCloudVpnApi, gatewayId: string, id: string): Promise<Node> {
  const gateway = nodeWithId(await children(api, await guangzhouNode(api)), 'gateway', gatewayId);
  return nodeWithId(await children(api, gateway), 'tunnel', id);
}

describe('tunnels of the account', function () {
  this.timeout(120_000);
  let api: TencentCloudVpnApi;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  let restoreEndpoint: () => Promise<void>;
  let tunnelNode: Node;
  let document: vscode.TextDocument;

  before(async () => {
    api = await extensionApi();
    assert.ok(process.env.TCVPN_EMULATOR_URL, 'the runner did not pass the emulator URL');
    proxy = await startRecordingProxy(process.env.TCVPN_EMULATOR_URL);
    restoreEndpoint = await withUserSetting('tencentcloudVpn', 'endpoint', proxy.url);
  });

  after(async () => {
    await restoreEndpoint?.();
    proxy?.server.close();
  });

  it("lists the emulator's gateways with their tunnels, and the customer gateways", async () => {
    const regions = await children(api);
    const guangzhou = regions.find((node) => node.kind === 'region' && node.region === 'ap-guangzhou');
    assert.ok(guangzhou, `no ap-guangzhou among ${regions.map((node) => node.region).join(', ')}`);
    const inRegion = await children(api, guangzhou);
    const gateway = nodeWithId(inRegion, 'gateway', 'vpngw-1w9tue3d');
    assert.match(String((await itemOf(api, gateway)).description), /IPSEC 2\.0 · 203\.0\.113\.10/);
    tunnelNode = nodeWithId(await children(api, gateway), 'tunnel', TUNNEL);
    const tunnelItem = await itemOf(api, tunnelNode);
    assert.equal(tunnelItem.label, 'existing-static-gz');
    assert.match(String(tunnelItem.description), /AVAILABLE.*STATIC/);
    const customer = inRegion.find((node) => node.kind === 'customerGateways');
    assert.ok(customer, 'no customer gateways row');
    nodeWithId(await children(api, customer), 'customerGateway', 'cgw-qa9sxpy7');
  });

  it('opens a tunnel as a file without its pre-shared key, and the server finds no error in it', async () => {
    document = (await vscode.commands.executeCommand<vscode.TextDocument>(Commands.accountOpenAsFile, tunnelNode))!;
    assert.ok(document, 'Open as File returned no document');
    const text = document.getText();
    assert.match(text, new RegExp(`VpnConnectionId: ${TUNNEL}`));
    assert.match(text, /VpnConnectionName: existing-static-gz/);
    assert.ok(!text.includes(SEEDED_PSK), 'the imported file holds the pre-shared key');
    assert.ok(!/^PreShareKey:/m.test(text), 'the imported file has a PreShareKey key');
    // A clean file's empty diagnostics look like "not validated yet": break it, see the error, repair it.
    const end = document.positionAt(text.length);
    const breakIt = new vscode.WorkspaceEdit();
    breakIt.insert(document.uri, end, 'BogusKey: 1\n');
    assert.ok(await vscode.workspace.applyEdit(breakIt));
    await waitForDiagnostics(document.uri, (d) => d.length > 0, 'a diagnostic for BogusKey');
    const repair = new vscode.WorkspaceEdit();
    repair.delete(document.uri, new vscode.Range(end, document.positionAt(document.getText().length)));
    assert.ok(await vscode.workspace.applyEdit(repair));
    const after = await waitForDiagnostics(
      document.uri,
      (d) => !d.some((x) => x.severity === vscode.DiagnosticSeverity.Error),
      'no error in the imported file',
    );
    assert.equal(
      after.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length,
      0,
      describeDiagnostics(ourDiagnostics(document.uri)),
    );
    await waitFor(
      api.onDidChangeTunnelStatus,
      () => (api.tunnelStatus(document.uri) === 'in sync' ? true : undefined),
      () => `"in sync" for the imported file; now ${api.tunnelStatus(document.uri)}`,
    );
  });

  it('shows the changes against the live tunnel in the diff editor', async () => {
    const shown = await vscode.commands.executeCommand<{ live: string; file: string }>(
      Commands.showChanges,
      document.uri,
    );
    assert.ok(shown, 'Show Changes returned nothing');
    const tab = await waitFor(
      vscode.window.tabGroups.onDidChangeTabs,
      () => {
        const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        return input instanceof vscode.TabInputTextDiff ? input : undefined;
      },
      () => `a diff editor; the active tab is ${vscode.window.tabGroups.activeTabGroup.activeTab?.label}`,
    );
    assert.equal(tab.original.toString(), shown.live);
    assert.equal(tab.modified.toString(), document.uri.toString());
    const live = await vscode.workspace.openTextDocument(vscode.Uri.parse(shown.live));
    assert.match(live.getText(), new RegExp(`VpnConnectionId: ${TUNNEL}`));
    assert.ok(!live.getText().includes(SEEDED_PSK), 'the live side shows the pre-shared key');
  });

  it('masks the pre-shared key on both sides of the diff when the file holds one', async () => {
    const at = document.positionAt(document.getText().indexOf('VpnConnectionName'));
    const addKey = new vscode.WorkspaceEdit();
    addKey.insert(document.uri, at, `PreShareKey: ${SEEDED_PSK}\n`);
    assert.ok(await vscode.workspace.applyEdit(addKey));
    try {
      const shown = await vscode.commands.executeCommand<{ live: string; file: string }>(
        Commands.showChanges,
        document.uri,
      );
      assert.ok(shown, 'Show Changes returned nothing');
      const right = vscode.Uri.parse(shown.file);
      assert.notEqual(right.toString(), document.uri.toString(), 'the file with its key is shown as it is');
      for (const uri of [vscode.Uri.parse(shown.live), right]) {
        const text = (await vscode.workspace.openTextDocument(uri)).getText();
        assert.ok(!text.includes(SEEDED_PSK), `${uri.scheme} shows the pre-shared key`);
        assert.match(text, /PreShareKey: ["']?\*{6}/, `${uri.scheme} does not show the masked key`);
      }
    } finally {
      const removeKey = new vscode.WorkspaceEdit();
      removeKey.delete(document.uri, new vscode.Range(at, at.translate(1)));
      assert.ok(await vscode.workspace.applyEdit(removeKey));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    assert.ok(!document.getText().includes(SEEDED_PSK));
  });

  it('applies an edited name as one ModifyVpnConnectionAttribute with only that field, then says "in sync"', async () => {
    await vscode.window.showTextDocument(document);
    const offset = document.getText().indexOf('existing-static-gz');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(offset), document.positionAt(offset + 'existing-static-gz'.length)),
      'renamed-in-editor',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(
      api.onDidChangeTunnelStatus,
      () => (api.tunnelStatus(document.uri) === '1 change vs live' ? true : undefined),
      () => `"1 change vs live"; now ${api.tunnelStatus(document.uri)}`,
    );

    const before = proxy.seen.length;
    const record = await vscode.commands.executeCommand<SubmissionRecord | undefined>(
      Commands.applyChanges,
      document.uri,
      { skipConfirmation: true },
    );
    assert.ok(record, 'Apply Changes sent nothing');
    assert.equal(record.status, 'succeeded', `the modify ended ${record.status}: ${JSON.stringify(record.error)}`);
    const modifies = proxy.seen.slice(before).filter((request) => request.action === 'ModifyVpnConnectionAttribute');
    assert.equal(modifies.length, 1, `ModifyVpnConnectionAttribute sent ${modifies.length} times`);
    assert.deepEqual(modifies[0].params, { VpnConnectionId: TUNNEL, VpnConnectionName: 'renamed-in-editor' });
    assert.ok(
      api.getTasks().some((task) => task.id === record.id),
      'the modify has no record in VPN Tasks',
    );
    await waitFor(
      api.onDidChangeTunnelStatus,
      () => (api.tunnelStatus(document.uri) === 'in sync' ? true : undefined),
      () => `"in sync" after the apply; now ${api.tunnelStatus(document.uri)}`,
    );
  });

  it('resets a tunnel from its account item: one ResetVpnConnection naming the tunnel and its gateway', async () => {
    const bgp = await tunnelNamed(api, 'vpngw-8bgp4k2d', 'vpnx-5eedb9p1');
    const before = proxy.seen.length;
    const record = await vscode.commands.executeCommand<SubmissionRecord | undefined>(Commands.resetTunnel, bgp, {
      skipConfirmation: true,
    });
    assert.ok(record, 'Reset Tunnel sent nothing');
    assert.equal(record.status, 'succeeded', `the reset ended ${record.status}: ${JSON.stringify(record.error)}`);
    const resets = proxy.seen.slice(before).filter((request) => request.action === 'ResetVpnConnection');
    assert.deepEqual(
      resets.map((request) => request.params),
      [{ VpnGatewayId: 'vpngw-8bgp4k2d', VpnConnectionId: 'vpnx-5eedb9p1' }],
    );
  });

  it('deletes a tunnel from its account item, follows the task, and the view no longer lists it', async () => {
    const victim = await tunnelNamed(api, 'vpngw-8bgp4k2d', 'vpnx-5eedb9p1');
    const record = await vscode.commands.executeCommand<SubmissionRecord | undefined>(Commands.deleteTunnel, victim, {
      skipConfirmation: true,
    });
    assert.ok(record, 'Delete Tunnel sent nothing');
    const done = await waitFor(
      api.onDidChangeTasks,
      () => api.getTasks().find((task) => task.id === record.id && task.status !== 'running'),
      () => `the delete to finish; it is ${JSON.stringify(api.getTasks().find((task) => task.id === record.id))}`,
      90_000,
    );
    assert.equal(done.status, 'succeeded', `the delete ended ${done.status}: ${JSON.stringify(done.error)}`);
    const deletes = proxy.seen.filter((request) => request.action === 'DeleteVpnConnection');
    assert.deepEqual(
      deletes.map((request) => request.params),
      [{ VpnGatewayId: 'vpngw-8bgp4k2d', VpnConnectionId: 'vpnx-5eedb9p1' }],
    );
    await vscode.commands.executeCommand(Commands.accountRefresh);
    const gateway = nodeWithId(await children(api, await guangzhouNode(api)), 'gateway', 'vpngw-8bgp4k2d');
    const after = await children(api, gateway);
    assert.ok(!after.some((node) => node.id === 'vpnx-5eedb9p1'), 'vpnx-5eedb9p1 is still listed after its delete');
  });
});
