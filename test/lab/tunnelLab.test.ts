/**
 * The proof that the generated peer configuration and Tencent's side agree, on real strongSwan daemons in two
 * network namespaces (lab/): each scenario's tunnel comes up with exactly the file's proposals on both ends, a
 * ping between the file's inside blocks goes through the tunnel and one outside the selectors does not; each
 * mismatch fails and the diagnosis names the parameter, in English and Chinese. Without root, strongSwan or
 * network namespaces the suite is skipped with the reason, except under CI=true, where it fails (CI installs
 * strongSwan: scripts/test-all.sh). Timings are printed, not asserted.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { generatedPeerConfig, labUnavailableReason, readLabFile, runTunnelLab, type LabResult } from '../../lab';
import { timingsLine } from '../../lab/report';
import { LAB_FIXTURES, MISMATCH_SCENARIOS, UP_SCENARIOS, type UpScenario } from './scenarios';

function paramsOf(file: string): Record<string, unknown> {
  const read = readLabFile(path.join(LAB_FIXTURES, file));
  assert.ok(read.params, `fixture ${file} must be valid: ${read.problems.join('; ')}`);
  return read.params;
}

/** The failure message of a run: what each daemon said, so a red test explains itself. */
function explain(result: LabResult): string {
  const diagnosis = result.diagnosis.map((d) => `${d.message.en}\n    ${d.evidence.join('\n    ')}`).join('\n');
  return `${diagnosis}\n--- swanctl\n${result.initiateOutput}\n--- cloud log (tail)\n${result.logs.cloud.slice(-3000)}\n--- peer log (tail)\n${result.logs.peer.slice(-3000)}`;
}

function assertUp(result: LabResult, scenario: UpScenario): void {
  assert.ok(result.established, `the tunnel did not come up:\n${explain(result)}`);
  for (const [side, sas] of [
    ['cloud', result.cloudSas],
    ['peer', result.peerSas],
  ] as const) {
    const ike = sas.filter((sa) => sa.state === 'ESTABLISHED');
    assert.equal(ike.length, 1, `${side}: one established IKE SA`);
    assert.equal(ike[0].version, scenario.ikeVersion, `${side}: IKE version`);
    assert.deepEqual(ike[0].algorithms, scenario.ike, `${side}: the IKE SA's algorithms are the file's`);
    const installed = ike[0].children.filter((child) => child.state === 'INSTALLED');
    assert.ok(installed.length >= scenario.selectors.length, `${side}: a CHILD SA per selector pair`);
    for (const child of installed)
      assert.deepEqual(child.algorithms, scenario.child, `${side}: CHILD SA ${child.name}'s algorithms are the file's`);
  }
  const cloud = result.cloudSas.find((sa) => sa.state === 'ESTABLISHED')!;
  assert.equal(cloud.initiator, scenario.initiator === 'cloud', 'the side NegotiationType names initiated');
  assert.deepEqual([cloud.localId, cloud.remoteId], scenario.identities, 'the identities of the file');
  const selectors = cloud.children
    .filter((child) => child.state === 'INSTALLED')
    .map((child) => `${child.localTs.join(',')} === ${child.remoteTs.join(',')}`);
  assert.deepEqual([...new Set(selectors)].sort(), [...scenario.selectors].sort(), "the cloud's selectors");
}

function assertPings(result: LabResult, scenario: UpScenario): void {
  const through = result.probes.filter((probe) => probe.expect === 'through-tunnel');
  const refused = result.probes.filter((probe) => probe.expect === 'refused');
  assert.ok(through.length >= 1, 'at least one ping across the tunnel');
  assert.equal(refused.length > 0, scenario.refusedProbe, 'a ping outside the selectors when the tunnel has selectors');
  for (const probe of result.probes)
    assert.ok(
      probe.asExpected,
      `ping ${probe.from} → ${probe.to} should be ${probe.expect}: ${probe.received}/${probe.sent} replies, ` +
        `${probe.intoDevice} packets into ipsec0, ${probe.tunnelPackets} through the tunnel`,
    );
}

describe('tunnel lab: strongSwan in two network namespaces (lab/)', function () {
  this.timeout(60_000);

  before(async function () {
    const reason = process.env.TCVPN_SKIP_LAB === '1' ? 'TCVPN_SKIP_LAB=1' : await labUnavailableReason();
    if (!reason) return;
    if (process.env.CI === 'true' && process.env.TCVPN_SKIP_LAB !== '1')
      throw new Error(`the tunnel lab must run under CI=true, but ${reason}`);
    console.log(`    skipped: ${reason}`);
    this.skip();
  });

  for (const scenario of UP_SCENARIOS) {
    it(`comes up: ${scenario.title}`, async () => {
      const result = await runTunnelLab(paramsOf(scenario.file), { peerConfig: generatedPeerConfig('strongswan') });
      console.log(`      timings: ${timingsLine(result.timings)}`);
      assertUp(result, scenario);
      assertPings(result, scenario);
    });
  }

  for (const scenario of MISMATCH_SCENARIOS) {
    it(`fails and names ${scenario.parameter}: ${scenario.title}`, async () => {
      const result = await runTunnelLab(paramsOf(scenario.peerFile), {
        peerConfig: generatedPeerConfig('strongswan'),
        cloudParams: paramsOf(scenario.cloudFile),
      });
      console.log(`      timings: ${timingsLine(result.timings)}`);
      assert.equal(result.established, false, 'the handshake must fail');
      assert.equal(result.probes.length, 0, 'no ping over a tunnel that is down');
      const [first] = result.diagnosis;
      assert.ok(first, 'a diagnosis');
      assert.equal(first.cause, scenario.cause, `the cause: ${first.message.en}`);
      assert.ok(first.parameters.includes(scenario.parameter), `names ${scenario.parameter}: ${first.parameters}`);
      assert.ok(first.message.en.includes(scenario.parameter.split('.')[0]), 'the English message names the parameter');
      assert.ok(first.message.zh.includes(scenario.parameter.split('.')[0]), 'the Chinese message names the parameter');
      assert.ok(first.evidence.length > 0, 'with the log lines it rests on');
    });
  }
});
