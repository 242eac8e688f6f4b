import assert from 'node:assert/strict';
import { MAX_OVERLAP_CHECKED } from '../../../language/rules/spd';
import { runRules } from '../../../language/rules/engine';
import { exampleWith, findingsOf, locations } from './helpers';

type Entry = [local: string, ...remote: string[]];
const spd = (...entries: Entry[]) =>
  exampleWith({
    SecurityPolicyDatabases: entries.map(([local, ...remote]) => ({ LocalCidrBlock: local, RemoteCidrBlock: remote })),
  });

/** n distinct /24 remote blocks 172.a.b.0/24, none overlapping. */
const distinctRemotes = (n: number) =>
  Array.from({ length: n }, (_, i) => `172.${16 + Math.floor(i / 256)}.${i % 256}.0/24`);

describe('rules: SPD policy', () => {
  it('spd-remote-empty flags an empty RemoteCidrBlock list, not a missing one (the schema says that)', () => {
    const findings = findingsOf('spd-remote-empty', spd(['10.0.0.0/16', '192.168.0.0/24'], ['10.1.0.0/16']));
    assert.deepEqual(locations(findings), [
      { path: ['SecurityPolicyDatabases', 1, 'RemoteCidrBlock'], target: 'value', code: 'MissingParameter' },
    ]);
    assert.match(findings[0].message.en, /#2/);
    assert.deepEqual(
      findingsOf('spd-remote-empty', exampleWith({ SecurityPolicyDatabases: [{ LocalCidrBlock: '10.0.0.0/16' }] })),
      [],
    );
  });

  it("spd-remote-overlaps-local flags a remote block inside its own local block or another rule's local block", () => {
    const own = findingsOf('spd-remote-overlaps-local', spd(['10.0.0.0/16', '10.0.8.0/24', '192.168.0.0/24']));
    assert.deepEqual(locations(own), [
      {
        path: ['SecurityPolicyDatabases', 0, 'RemoteCidrBlock', 0],
        target: 'value',
        code: 'InvalidParameterValue.VpnConnSpdCidrConflict',
      },
    ]);
    assert.match(own[0].message.en, /same rule/);
    assert.deepEqual(
      findingsOf('spd-remote-overlaps-local', spd(['10.0.0.0/16', '0.0.0.0/0'])),
      [],
      'the default route 0.0.0.0/0 on the IDC side',
    );
    const other = findingsOf(
      'spd-remote-overlaps-local',
      spd(['10.0.0.0/16', '192.168.0.0/24'], ['172.16.0.0/16', '10.0.0.0/8']),
    );
    assert.deepEqual(
      other.map((f) => f.path),
      [['SecurityPolicyDatabases', 1, 'RemoteCidrBlock', 0]],
    );
    assert.match(other[0].message.en, /10\.0\.0\.0\/16 of rule #1/);
    assert.deepEqual(
      findingsOf(
        'spd-remote-overlaps-local',
        spd(['10.0.0.0/16', '192.168.0.0/24'], ['10.1.0.0/16', '192.168.0.0/24', '172.16.0.0/12']),
      ),
      [],
    );
  });

  it('spd-remote-overlaps-local finds a local block wider than later-starting ones (running maximum of ends)', () => {
    // 10.0.0.0/8 starts first and ends last; the remote 10.200.0.0/16 sits after the start of 10.1.0.0/16 but only inside /8.
    const findings = findingsOf(
      'spd-remote-overlaps-local',
      spd(['10.0.0.0/8', '192.168.0.0/24'], ['10.1.0.0/16', '192.168.1.0/24'], ['172.16.0.0/16', '10.200.0.0/16']),
    );
    assert.deepEqual(
      findings.map((f) => f.path),
      [['SecurityPolicyDatabases', 2, 'RemoteCidrBlock', 0]],
    );
    assert.match(findings[0].message.en, /10\.0\.0\.0\/8/);
  });

  it('spd-duplicate flags a remote block repeated within one rule and offers to remove it', () => {
    const findings = findingsOf('spd-duplicate', spd(['10.0.0.0/16', '192.168.0.0/24', '192.168.0.0/24']));
    assert.deepEqual(locations(findings), [
      {
        path: ['SecurityPolicyDatabases', 0, 'RemoteCidrBlock', 1],
        target: 'value',
        code: 'InvalidParameterValue.Duplicate',
      },
    ]);
    assert.deepEqual(
      findings[0].fixes?.map((fix) => [fix.kind, fix.path]),
      [['remove', ['SecurityPolicyDatabases', 0, 'RemoteCidrBlock', 1]]],
    );
  });

  it('spd-duplicate flags a whole policy rule that repeats an earlier one, and removes the rule', () => {
    const findings = findingsOf(
      'spd-duplicate',
      spd(['10.0.0.0/16', '192.168.0.0/24'], ['10.0.0.0/16', '192.168.0.0/24']),
    );
    assert.deepEqual(locations(findings), [
      { path: ['SecurityPolicyDatabases', 1], target: 'object', code: 'InvalidParameterValue.Duplicate' },
    ]);
    assert.deepEqual(
      findings[0].fixes?.map((fix) => [fix.kind, fix.path]),
      [['remove', ['SecurityPolicyDatabases', 1]]],
    );
  });

  it('spd-duplicate treats host bits as the same network (10.0.0.5/16 repeats 10.0.0.0/16)', () => {
    assert.equal(
      findingsOf(
        'spd-duplicate',
        spd(['10.0.0.0/16', '192.168.0.0/24', '10.1.0.0/16'], ['10.0.0.5/16', '192.168.0.0/24']),
      ).length,
      1,
    );
  });

  it('spd-duplicate stays quiet when the local or the remote side differs', () => {
    assert.deepEqual(
      findingsOf('spd-duplicate', spd(['10.0.0.0/16', '192.168.0.0/24'], ['10.1.0.0/16', '192.168.0.0/24'])),
      [],
    );
  });

  it('spd-overlap flags a later mapping that overlaps an earlier one on both sides, naming the earlier', () => {
    const findings = findingsOf(
      'spd-overlap',
      spd(['10.0.0.0/16', '192.168.0.0/16'], ['10.0.1.0/24', '192.168.3.0/24']),
    );
    assert.deepEqual(locations(findings), [
      {
        path: ['SecurityPolicyDatabases', 1, 'RemoteCidrBlock', 0],
        target: 'value',
        code: 'InvalidParameterValue.VpnConnCidrConflict',
      },
    ]);
    assert.match(findings[0].message.en, /10\.0\.0\.0\/16 → 192\.168\.0\.0\/16 \(rule #1\)/);
  });

  it('spd-overlap stays quiet when only the local side (or only the remote side) overlaps', () => {
    assert.deepEqual(
      findingsOf('spd-overlap', spd(['10.0.0.0/16', '192.168.0.0/24'], ['10.0.1.0/24', '192.168.1.0/24'])),
      [],
    );
    assert.deepEqual(
      findingsOf('spd-overlap', spd(['10.0.0.0/16', '192.168.0.0/16'], ['10.1.0.0/16', '192.168.0.0/16'])),
      [],
    );
  });

  it('spd-overlap leaves exact repeats to spd-duplicate', () => {
    assert.deepEqual(
      findingsOf('spd-overlap', spd(['10.0.0.0/16', '192.168.0.0/24'], ['10.0.0.0/16', '192.168.0.0/24'])),
      [],
    );
  });

  it('spd-overlap finds an overlap between the first and the last of many mappings', () => {
    const entries: Entry[] = distinctRemotes(150).map((remote, i) => [`10.${i}.0.0/16`, remote]);
    entries.push(['10.0.0.0/24', '172.16.0.128/25']);
    assert.deepEqual(
      findingsOf('spd-overlap', spd(...entries)).map((f) => f.path),
      [['SecurityPolicyDatabases', 150, 'RemoteCidrBlock', 0]],
    );
  });

  it('spd-mapping-limit counts local × remote mappings: 201 is too many, 200 is fine', () => {
    const findings = findingsOf(
      'spd-mapping-limit',
      spd(['10.0.0.0/16', ...distinctRemotes(100)], ['10.1.0.0/16', ...distinctRemotes(101)]),
    );
    assert.deepEqual(locations(findings), [
      { path: ['SecurityPolicyDatabases'], target: 'key', code: 'LimitExceeded' },
    ]);
    assert.match(findings[0].message.en, /^201 /);
    assert.deepEqual(
      findingsOf(
        'spd-mapping-limit',
        spd(['10.0.0.0/16', ...distinctRemotes(100)], ['10.1.0.0/16', ...distinctRemotes(100)]),
      ),
      [],
    );
  });

  it('over 500 distinct SPD entries reports only the mapping limit (their speed is measured by the benchmark)', () => {
    const doc = spd(
      ...distinctRemotes(500).map((remote, i): Entry => [`10.${i % 256}.${Math.floor(i / 256)}.0/24`, remote]),
    );
    const spdFindings = runRules(doc, { action: 'CreateVpnConnection' }).filter((f) => f.ruleId.startsWith('spd-'));
    assert.deepEqual(
      spdFindings.map((f) => f.ruleId),
      ['spd-mapping-limit'],
    );
  });

  it('skips the overlap check beyond its cap but still reports the limit (no quadratic blow-up)', () => {
    const remotes = Array.from({ length: MAX_OVERLAP_CHECKED + 1 }, () => '192.168.0.0/16');
    const doc = spd(...remotes.map((remote, i): Entry => [`10.${Math.floor(i / 256)}.${i % 256}.0/24`, remote]), [
      '10.0.0.0/8',
      '192.168.0.0/16',
    ]);
    const ruleIds = new Set(runRules(doc, { action: 'CreateVpnConnection' }).map((f) => f.ruleId));
    assert.ok(ruleIds.has('spd-mapping-limit') && !ruleIds.has('spd-overlap'));
  });
});
