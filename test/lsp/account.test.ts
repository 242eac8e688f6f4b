/**
 * The account round trip over stdio: the real server (dist/server.js) asks this test client for the account's
 * resources through the custom requests of protocol/messages.ts, and the test answers them as the extension does,
 * with the client's AccountService against the emulator seeded in ap-guangzhou and ap-shanghai. Diagnostics are
 * re-published when a snapshot arrives; completion never waits for a lookup; no credentials and failed lookups
 * show nothing in the file.
 */
import assert from 'node:assert/strict';
import {
  CompletionRequest,
  HoverRequest,
  ShowMessageNotification,
  type CancellationToken,
  type CompletionList,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import type { RunningEmulator } from '../../emulator';
import { AccountService } from '../../cloud/accountService';
import { CredentialsError } from '../../cloud/credentials';
import type { InitializationOptions } from '../../protocol/initialization';
import { LocateResourceRequest, ResourcesChangedNotification, ResourcesRequest } from '../../protocol/messages';
import { startOurServer, type LspTestClient } from '../support/lsp';
import { emulatorClient, fastEmulator } from '../unit/client/helpers';

/** What the extension says at start-up: it answers the account requests. */
const INIT: InitializationOptions = { accountResources: true };
const SH_WITH_GZ_GATEWAY =
  'Region: ap-shanghai\nVpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-sh7b2k5x\nVpcId: vpc-s7d2q8wn\n';
let uriCount = 0;
const nextUri = () => `file:///account/${++uriCount}.vpnconn.yaml`;

function signalOf(token: CancellationToken): AbortSignal {
  const controller = new AbortController();
  token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

/** Answers the server's account requests the way the extension does (client/accountResources.ts). */
function answerWith(server: LspTestClient, account: AccountService, calls: string[] = []): void {
  server.connection.onRequest(ResourcesRequest.type, (params, token) => {
    calls.push(`resources ${params.region ?? '(default)'}`);
    return account.resources(params.region, signalOf(token));
  });
  server.connection.onRequest(LocateResourceRequest.type, async (params, token) => {
    calls.push(`locate ${params.id}`);
    return { region: await account.locate(params.kind, params.id, params.except, signalOf(token)) };
  });
}

describe('LSP: account resources from the client', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let server: LspTestClient;
  const shown: unknown[] = [];
  const accountFor = (overrides: Partial<ConstructorParameters<typeof AccountService>[0]> = {}) =>
    new AccountService({
      credentials: async () => ({ ...emulator.credentials[0], source: 'environment' }),
      clientFor: async (region) => emulatorClient(emulator, undefined, { region }),
      regionSetting: () => 'ap-guangzhou',
      searchRegions: ['ap-shanghai', 'ap-guangzhou'],
      ...overrides,
    });
  const start = async (initializationOptions: InitializationOptions = INIT): Promise<LspTestClient> => {
    server = await startOurServer({ initializationOptions });
    server.connection.onNotification(ShowMessageNotification.type, (params) => void shown.push(params));
    return server;
  };
  const accountCodes = <T extends { data?: unknown }>(diagnostics: T[]): T[] =>
    diagnostics.filter((d) => String((d.data as { ruleId?: string })?.ruleId).startsWith('account-'));

  before(async () => {
    emulator = await fastEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    shown.length = 0;
  });
  afterEach(() => server?.stop());

  it('re-publishes diagnostics with the not-found warning, naming the region where the gateway is', async () => {
    await start();
    const calls: string[] = [];
    answerWith(server, accountFor(), calls);
    const uri = nextUri();
    const warned = server.diagnostics(uri, (p) =>
      p.diagnostics.some((d) => /exists in ap-guangzhou/.test(String(d.message))),
    );
    await server.open(uri, 'tencentcloud-vpn-yaml', SH_WITH_GZ_GATEWAY);
    const { diagnostics } = await warned;
    assert.deepEqual(
      accountCodes(diagnostics).map((d) => [d.code, d.message]),
      [['ResourceNotFound', 'VPN gateway vpngw-1w9tue3d does not exist in ap-shanghai; it exists in ap-guangzhou.']],
    );
    assert.ok(calls.includes('resources ap-shanghai') && calls.includes('locate vpngw-1w9tue3d'), calls.join());
  });

  it("completes the account's gateways of the file's region and shows the card on hover", async () => {
    await start();
    answerWith(server, accountFor());
    const uri = nextUri();
    const text =
      'Region: ap-shanghai\nVpnGatewayId: vpngw-sh4ipc9a\nCustomerGatewayId: cgw-sh7b2k5x\nVpcId: vpc-s7d2q8wn\nRouteType: Bgp\n';
    const loaded = server.diagnostics(uri, (p) =>
      p.diagnostics.some(
        (d) => (d.data as { ruleId?: string })?.ruleId === 'account-route-type-mixed' || d.code === 'MissingParameter',
      ),
    );
    await server.open(uri, 'tencentcloud-vpn-yaml', text);
    await loaded;
    let list: CompletionList;
    do {
      list = (await server.request(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: 1, character: 14 },
      })) as CompletionList;
    } while (list.isIncomplete);
    const gateway = list.items.find((item) => item.label === 'vpngw-sh4ipc9a');
    assert.equal(gateway?.labelDetails?.description, 'ipsec-gw-sh · 203.0.113.20 · IPSEC · AVAILABLE');
    assert.ok(!list.items.some((item) => item.label === 'vpngw-8bgp4k2d'), 'no Guangzhou gateway');
    const hover = await server.request(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 18 },
    });
    assert.match(
      (hover?.contents as MarkupContent).value,
      /VPN gateway \*\*ipsec-gw-sh\*\*[\s\S]*Version: 4\.0[\s\S]*BGP ASN: 64560/,
    );
  });

  it('answers completion from the schema, at once, while a lookup hangs on a slow network', async () => {
    emulator.faults.inject({ kind: 'latency', ms: 10_000, times: 20 });
    await start();
    const calls: string[] = [];
    answerWith(server, accountFor(), calls);
    const uri = nextUri();
    const published = server.diagnostics(uri);
    await server.open(uri, 'tencentcloud-vpn-yaml', 'VpnGatewayId: \n');
    await published;
    const started = Date.now();
    const list = (await server.request(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: 14 },
    })) as CompletionList;
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 300, `completion took ${elapsed} ms`);
    assert.deepEqual(
      list.items.map((item) => item.label),
      ['vpngw-1w9tue3d'],
      "the schema's example",
    );
    assert.equal(list.isIncomplete, true, 'the editor asks again as the user types');
    assert.deepEqual(calls, ['resources (default)'], 'one lookup under way, not one per request');
  });

  it('without credentials shows nothing account-related and no message', async () => {
    await start();
    const calls: string[] = [];
    answerWith(
      server,
      accountFor({ credentials: async () => Promise.reject(new CredentialsError(['environment'])) }),
      calls,
    );
    const uri = nextUri();
    const first = server.diagnostics(uri);
    await server.open(uri, 'tencentcloud-vpn-yaml', SH_WITH_GZ_GATEWAY);
    await first;
    while (calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const again = server.diagnostics(uri);
    await server.change(uri, 2, [{ text: `${SH_WITH_GZ_GATEWAY}VpnConnectionName: x\n` }]);
    assert.deepEqual(accountCodes((await again).diagnostics), []);
    assert.deepEqual(shown, []);
    assert.ok(!server.logs.some((line) => /failed/.test(line)), server.logs.join('\n'));
    assert.equal(emulator.requests.length, 0);
  });

  it('logs a failed lookup and keeps it out of the file; a refresh from the client asks again', async () => {
    emulator.faults.inject({ kind: 'http5xx', status: 503, times: 8 });
    await start();
    const calls: string[] = [];
    answerWith(server, accountFor(), calls);
    const uri = nextUri();
    const first = server.diagnostics(uri);
    await server.open(uri, 'tencentcloud-vpn-yaml', SH_WITH_GZ_GATEWAY);
    assert.deepEqual(accountCodes((await first).diagnostics), []);
    while (!server.logs.some((line) => /account lookup of resources of ap-shanghai failed/.test(line)))
      await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(shown, []);
    emulator.faults.clear();
    const warned = server.diagnostics(uri, (p) => accountCodes(p.diagnostics).length > 0);
    await server.connection.sendNotification(ResourcesChangedNotification.type);
    assert.equal(accountCodes((await warned).diagnostics)[0].code, 'ResourceNotFound');
  });

  it('never asks a client that did not offer to answer', async () => {
    await start({});
    const calls: string[] = [];
    answerWith(server, accountFor(), calls);
    const uri = nextUri();
    const first = server.diagnostics(uri);
    await server.open(uri, 'tencentcloud-vpn-yaml', SH_WITH_GZ_GATEWAY);
    assert.deepEqual(accountCodes((await first).diagnostics), []);
    await server.request(CompletionRequest.type, { textDocument: { uri }, position: { line: 1, character: 14 } });
    assert.deepEqual(calls, []);
  });
});
