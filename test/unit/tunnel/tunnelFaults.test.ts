/**
 * apply, delete and reset through the library against the emulator when answers are lost: an apply whose Modify
 * was performed but not answered is confirmed by reading the tunnel, one that never arrived stays unknown (never
 * "failed"), a delete whose answer was lost is followed until the tunnel is gone. Also the emulator's own side:
 * a Modify replaces the IKE object it is sent, and an action on a tunnel that is not AVAILABLE is refused.
 */
import assert from 'node:assert/strict';
import { MemoryStore, TaskHistory } from '../../../cloud/history';
import { stateOf } from '../../../cloud/submissionRecord';
import {
  applyTunnelPlan,
  fetchLiveTunnel,
  planTunnel,
  runTunnelOperation,
  summaryOf,
  TUNNEL_OPERATIONS,
} from '../../../cloud/tunnel';
import type { VpcClient } from '../../../cloud/tcClient';
import type { RunningEmulator } from '../../../emulator';
import { emulatorClient, fastEmulator, pollerFor, settled } from '../client/helpers';

const ID = 'vpnx-5eed01gz';
const REGION = 'ap-guangzhou';

describe('apply, delete and reset when answers are lost (emulator)', function () {
  this.timeout(20_000);
  let emulator: RunningEmulator;
  let client: VpcClient;
  before(async () => {
    emulator = await fastEmulator();
    client = emulatorClient(emulator);
  });
  beforeEach(() => emulator.reset());
  after(async () => {
    client.dispose();
    await emulator.close();
  });

  async function renamePlan(name: string) {
    const live = await fetchLiveTunnel(client, REGION, ID);
    const fileParams = { ...live.form.params, VpnConnectionName: name };
    return { plan: planTunnel(fileParams, live), fileParams, source: 'test' };
  }
  const liveName = async () => (await fetchLiveTunnel(client, REGION, ID)).tunnel.VpnConnectionName;

  it('confirms a Modify that was performed but whose answer was lost, by reading the tunnel', async () => {
    emulator.faults.inject({ kind: 'createThenDrop', action: 'ModifyVpnConnectionAttribute' });
    const record = await applyTunnelPlan(client, new TaskHistory(new MemoryStore()), await renamePlan('landed'));
    assert.equal(record?.status, 'succeeded', JSON.stringify(record));
    assert.equal(await liveName(), 'landed');
  });

  it('keeps a Modify that never arrived unknown (not failed), and the tunnel unchanged', async () => {
    emulator.faults.inject({ kind: 'drop', action: 'ModifyVpnConnectionAttribute' });
    const record = await applyTunnelPlan(client, new TaskHistory(new MemoryStore()), await renamePlan('lost'));
    assert.equal(stateOf(record!), 'unknown');
    assert.equal(await liveName(), 'existing-static-gz');
  });

  it('follows a delete whose answer was lost until the tunnel is gone', async () => {
    emulator.faults.inject({ kind: 'createThen5xx', action: 'DeleteVpnConnection' });
    const { history, poller } = pollerFor(client);
    const tunnel = summaryOf(await fetchLiveTunnel(client, REGION, ID));
    const record = await runTunnelOperation(client, history, { action: TUNNEL_OPERATIONS.delete, tunnel, source: ID });
    assert.equal(stateOf(record), 'unknown');
    poller.track(record.id);
    try {
      const final = await settled(history, record.id);
      assert.deepEqual([final.status, final.tunnelState], ['succeeded', 'DELETED']);
    } finally {
      poller.dispose();
    }
  });

  it("refuses a reset of a tunnel that is being deleted, with the service's code", async () => {
    const tunnel = summaryOf(await fetchLiveTunnel(client, REGION, ID));
    const history = new TaskHistory(new MemoryStore());
    const deleting = await runTunnelOperation(client, history, {
      action: TUNNEL_OPERATIONS.delete,
      tunnel,
      source: ID,
    });
    assert.equal(stateOf(deleting), 'task');
    const reset = await runTunnelOperation(client, new TaskHistory(new MemoryStore()), {
      action: TUNNEL_OPERATIONS.reset,
      tunnel,
      source: ID,
    });
    assert.deepEqual([reset.status, reset.error?.code], ['failed', 'UnsupportedOperation.VpnConnInvalidState']);
  });

  it("the emulator's Modify replaces the IKE object: members left out return to their defaults", async () => {
    await client.request('ModifyVpnConnectionAttribute', {
      VpnConnectionId: ID,
      IKEOptionsSpecification: { DhGroupName: 'GROUP14', PropoEncryAlgorithm: 'AES-CBC-256' },
    });
    await client.request('ModifyVpnConnectionAttribute', {
      VpnConnectionId: ID,
      IKEOptionsSpecification: { DhGroupName: 'GROUP2' },
    });
    const ike = (await fetchLiveTunnel(client, REGION, ID)).tunnel.IKEOptionsSpecification as Record<string, unknown>;
    assert.deepEqual(
      [ike.DhGroupName, ike.PropoEncryAlgorithm, ike.LocalAddress],
      ['GROUP2', '3DES-CBC', '203.0.113.10'],
    );
  });

  it("the emulator's Modify takes the integrity algorithm under its current name", async () => {
    await client.request('ModifyVpnConnectionAttribute', {
      VpnConnectionId: ID,
      IPSECOptionsSpecification: { IntegrityAlgorithm: 'SHA-256' },
    });
    const ipsec = (await fetchLiveTunnel(client, REGION, ID)).tunnel.IPSECOptionsSpecification as Record<
      string,
      unknown
    >;
    assert.equal(ipsec.IntegrityAlgorith, 'SHA-256');
  });
});
