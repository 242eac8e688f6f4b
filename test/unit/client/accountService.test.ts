/**
 * The client's account cache against the emulator seeded with gateways in ap-guangzhou and ap-shanghai:
 * snapshots come from the four Describe actions (DescribeVpcs included) without any pre-shared key, are cached
 * per region and credential for a short time, refreshed on demand, cancelled, and located across regions.
 * Without credentials the answer is null, not an error.
 */
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../../../emulator';
import { AccountService } from '../../../cloud/accountService';
import { CancelledError } from '../../../cloud/backoff';
import { CredentialsError, type Credentials } from '../../../cloud/credentials';
import { MemoryLog } from '../../../cloud/log';
import { emulatorClient, fastEmulator } from './helpers';

describe('client account resources (emulator)', () => {
  let emulator: RunningEmulator;
  let log: MemoryLog;
  before(async () => {
    emulator = await fastEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    log = new MemoryLog();
  });

  const credentials = (): Credentials => ({ ...emulator.credentials[0], source: 'environment' });
  const serviceWith = (overrides: Partial<ConstructorParameters<typeof AccountService>[0]> = {}) =>
    new AccountService({
      credentials: async () => credentials(),
      clientFor: async (region) => emulatorClient(emulator, log, { region }),
      regionSetting: () => 'ap-guangzhou',
      searchRegions: ['ap-beijing', 'ap-shanghai', 'ap-guangzhou'],
      ...overrides,
    });
  const describeCalls = () => emulator.requests.filter((request) => request.action.startsWith('Describe')).length;

  it("fetches a region's gateways, customer gateways, VPCs (DescribeVpcs) and tunnels, without pre-shared keys", async () => {
    const snapshot = (await serviceWith().resources('ap-shanghai'))!;
    assert.equal(snapshot.region, 'ap-shanghai');
    assert.deepEqual(
      snapshot.vpnGateways.map((gateway) => [gateway.id, gateway.type, gateway.version, gateway.bgpAsn]),
      [
        ['vpngw-sh4ipc9a', 'IPSEC', '4.0', 64560],
        ['vpngw-sh2ccn3b', 'CCN', '2.0', undefined],
      ],
    );
    assert.deepEqual(
      snapshot.vpcs.map((vpc) => [vpc.id, vpc.cidrBlock, vpc.isDefault]),
      [
        ['vpc-s7d2q8wn', '10.20.0.0/16', false],
        ['vpc-h5t1r6yc', '172.17.0.0/16', true],
      ],
    );
    assert.deepEqual(
      snapshot.customerGateways.map((gateway) => gateway.id),
      ['cgw-sh7b2k5x', 'cgw-sh3n8w1d'],
    );
    assert.deepEqual(
      new Set(emulator.requests.map((request) => request.action)),
      new Set(['DescribeVpnGateways', 'DescribeCustomerGateways', 'DescribeVpcs', 'DescribeVpnConnections']),
    );
    const gz = (await serviceWith().resources(undefined))!;
    assert.equal(gz.region, 'ap-guangzhou', 'no Region: the setting');
    assert.deepEqual(gz.connections.find((tunnel) => tunnel.id === 'vpnx-5eed01gz')?.spd, [
      { local: '10.8.1.0/24', remote: ['192.168.1.0/24'] },
    ]);
    assert.ok(!JSON.stringify(gz).includes('seeded-psk'), 'no pre-shared key in a snapshot');
    assert.ok(!JSON.stringify(gz).includes(emulator.credentials[0].secretKey));
  });

  it('serves a region from the cache until it is a minute old or refreshed', async () => {
    let now = 0;
    const service = serviceWith();
    Object.assign(service.cache as unknown as { now: () => number }, { now: () => now });
    await service.resources('ap-guangzhou');
    const afterFirst = describeCalls();
    await service.resources('ap-guangzhou');
    assert.equal(describeCalls(), afterFirst, 'cached');
    now += 61_000;
    await service.resources('ap-guangzhou');
    assert.equal(describeCalls(), afterFirst * 2, 'aged: fetched again');
    service.refresh();
    await service.resources('ap-guangzhou');
    assert.equal(describeCalls(), afterFirst * 3, 'refreshed: fetched again');
  });

  it('keeps one cache entry per credential and shares one fetch between concurrent asks', async () => {
    let which = credentials();
    const service = serviceWith({ credentials: async () => which });
    await Promise.all([service.resources('ap-guangzhou'), service.resources('ap-guangzhou')]);
    const once = describeCalls();
    assert.equal(once, 4, 'four Describe actions, once');
    which = { ...which, secretId: 'AKIDanother0000000000000000000000000' };
    await service.resources('ap-guangzhou').catch(() => undefined);
    assert.ok(describeCalls() > once, "another credential does not see the first one's snapshot");
  });

  it('answers null without credentials, and sends nothing', async () => {
    const service = serviceWith({ credentials: async () => Promise.reject(new CredentialsError(['environment'])) });
    assert.equal(await service.resources('ap-guangzhou'), null);
    assert.equal(await service.locate('vpnGateways', 'vpngw-1w9tue3d', 'ap-shanghai'), null);
    assert.equal(emulator.requests.length, 0);
  });

  it('cancels a slow lookup: the caller is released at once and the fetch is aborted', async () => {
    emulator.faults.inject({ kind: 'latency', ms: 2000, times: 4 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = serviceWith().resources('ap-guangzhou', controller.signal);
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, CancelledError);
    assert.ok(Date.now() - started < 1000, 'released before the network answered');
  });

  it('does not cache a failed lookup: the next ask tries again', async () => {
    emulator.faults.inject({ kind: 'http5xx', status: 503, action: 'DescribeVpcs', times: 1 });
    const service = serviceWith();
    await assert.rejects(service.resources('ap-guangzhou'));
    const snapshot = await service.resources('ap-guangzhou');
    assert.equal(snapshot?.vpcs.length, 2);
  });

  it('locates an id in another region, from cached snapshots first', async () => {
    const service = serviceWith();
    assert.equal(await service.locate('vpnGateways', 'vpngw-1w9tue3d', 'ap-shanghai'), 'ap-guangzhou');
    assert.equal(await service.locate('vpcs', 'vpc-s7d2q8wn', 'ap-guangzhou'), 'ap-shanghai');
    assert.equal(await service.locate('customerGateways', 'cgw-nowhere0', 'ap-guangzhou'), null);
    await service.resources('ap-shanghai');
    const before = emulator.requests.length;
    assert.equal(await service.locate('customerGateways', 'cgw-sh3n8w1d', 'ap-guangzhou'), 'ap-shanghai');
    assert.equal(emulator.requests.length, before, 'found in the cached Shanghai snapshot');
  });

  it('logs requests without the SecretKey', async () => {
    await serviceWith().resources('ap-guangzhou');
    assert.ok(log.lines.some((line) => line.includes('DescribeVpcs')));
    assert.ok(!log.lines.join('\n').includes(emulator.credentials[0].secretKey));
    assert.ok(
      !log.lines.join('\n').includes('seeded-psk'),
      'pre-shared keys of DescribeVpnConnections masked in the log',
    );
  });
});
