/**
 * `tcvpn diagnose` as installed (dist/cli.js) on the lab's tunnel files (test/fixtures/lab/) and charon logs the
 * tunnel lab recorded for them (strongSwan 5.9.8, test/fixtures/lab/logs/: `<case>.cloud.log`, `<case>.peer.log`):
 * each mismatch named as the file's parameter, with both logs and with the peer's alone; a clean handshake exits 0;
 * a missing or unreadable log exits 2; the key never printed; JSON and Chinese output.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, REPO_ROOT } from '../support/build';
import { childEnv } from '../support/childEnv';

const CLI = path.join(REPO_ROOT, 'dist/cli.js');
const FILES = path.join(REPO_ROOT, 'test/fixtures/lab');
const LOGS = path.join(FILES, 'logs');

const file = (name: string) => path.join(FILES, `${name}.vpnconn.yaml`);
const log = (name: string) => path.join(LOGS, `${name}.log`);

function tcvpn(args: string[], lang = 'C') {
  const run = spawnSync(process.execPath, [CLI, 'diagnose', ...args], {
    encoding: 'utf8',
    env: childEnv({ LANG: lang }),
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface Diagnosis {
  cause: string;
  parameters: string[];
  message: { en: string; zh: string };
  evidence: string[];
}

function json(args: string[]): { code: number | null; found: Diagnosis[] } {
  const run = tcvpn([...args, '--format', 'json']);
  assert.equal(run.stderr, '');
  return { code: run.code, found: JSON.parse(run.stdout) as Diagnosis[] };
}

describe('tcvpn diagnose', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => ensureBuilt());
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-diagnose-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const logs of ['both', 'peer only'] as const) {
    const args = (tunnel: string, name: string) => [
      file(tunnel),
      '--peer-log',
      log(`${name}.peer`),
      ...(logs === 'both' ? ['--cloud-log', log(`${name}.cloud`)] : []),
    ];

    it(`${logs}: a DH group mismatch names DhGroupName with both groups, and exits 1`, () => {
      const run = tcvpn(args('mismatch-dh', 'dh'));
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /^cause: proposal\nparameters: IKEOptionsSpecification\.DhGroupName\n/);
      assert.match(run.stdout, /DhGroupName gives MODP_3072 \(GROUP15\), the peer device offers MODP_2048 \(GROUP14\)/);
      assert.match(
        run.stdout,
        /\nevidence:\n {2}peer: received proposals: IKE:.*MODP_3072\n {2}peer: configured proposals:/,
      );
    });

    it(`${logs}: a wrong pre-shared key names PreShareKey, with the MAC mismatch as evidence`, () => {
      const { code, found } = json(args('mismatch-psk', 'psk'));
      assert.equal(code, 1);
      assert.deepEqual(
        found.map((d) => [d.cause, d.parameters]),
        [['pre-shared-key', ['PreShareKey']]],
      );
      assert.ok(
        found[0].evidence.includes("peer: tried 1 shared key for '192.0.2.2' - '192.0.2.1', but MAC mismatched"),
      );
    });

    it(`${logs}: swapped identities name the identity the peer did not expect`, () => {
      const { code, found } = json(args('mismatch-identity', 'identity'));
      assert.equal(code, 1);
      assert.equal(found[0].cause, 'identity');
      assert.ok(found[0].parameters.includes('IKEOptionsSpecification.RemoteIdentity'));
      assert.match(found[0].message.en, /identity the cloud presents, 'gw\.idc\.example' \(the file's LocalFqdnName\)/);
    });

    it(`${logs}: selectors that differ name SecurityPolicyDatabases`, () => {
      const { code, found } = json(args('mismatch-spd', 'spd'));
      assert.equal(code, 1);
      assert.deepEqual(
        found.map((d) => [d.cause, d.parameters]),
        [['selectors', ['SecurityPolicyDatabases']]],
      );
      const expected =
        logs === 'both'
          ? 'cloud: no matching CHILD_SA config found for 172.16.20.0/24 === 10.8.5.0/24'
          : 'peer: received INVALID_ID_INFORMATION error notify';
      assert.deepEqual(found[0].evidence, [expected]);
    });

    it(`${logs}: a handshake that succeeded shows no failure, and exits 0`, () => {
      const run = tcvpn(args('route-ikev2', 'clean'));
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, 'no failure in the logs: the handshake did not fail\n');
      assert.deepEqual(json(args('route-ikev2', 'clean')), { code: 0, found: [] });
    });
  }

  it("the peer's log alone, the peer initiating: its refused proposal against the file's names the DH group", () => {
    // The cloud answered NO_PROPOSAL_CHOSEN; only the peer's own proposal is in its log (lab run, passive file).
    const passive = path.join(dir, 'passive.vpnconn.yaml');
    const text = fs.readFileSync(file('mismatch-dh'), 'utf8');
    fs.writeFileSync(passive, text.replace('NegotiationType: active', 'NegotiationType: passive'));
    const { code, found } = json([passive, '--peer-log', log('dh-passive.peer')]);
    assert.equal(code, 1);
    assert.deepEqual(
      found.map((d) => [d.cause, d.parameters]),
      [['proposal', ['IKEOptionsSpecification.DhGroupName']]],
    );
    assert.match(found[0].message.en, /gives MODP_3072 \(GROUP15\), the peer device offers MODP_2048 \(GROUP14\)/);
    assert.equal(found[0].evidence[0], 'peer: received NO_PROPOSAL_CHOSEN notify error');
  });

  it("the peer's log alone holding only the cloud's AUTHENTICATION_FAILED: the key, and the identities too", () => {
    // The initiator's side of the wrong-key run: all it logs is the answer (the same lines a peer initiating logs).
    const { code, found } = json([file('mismatch-psk'), '--peer-log', log('psk.cloud')]);
    assert.equal(code, 1);
    assert.deepEqual(found[0].parameters, [
      'PreShareKey',
      'IKEOptionsSpecification.RemoteIdentity',
      'IKEOptionsSpecification.LocalIdentity',
    ]);
    assert.match(found[0].message.en, /identities that do not match give the same answer/);
    assert.deepEqual(found[0].evidence, ['peer: received AUTHENTICATION_FAILED notify error']);
  });

  it('--lang zh prints the labels and the message in Chinese', () => {
    const run = tcvpn([file('mismatch-dh'), '--peer-log', log('dh.peer'), '--lang', 'zh']);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^原因: proposal\n参数: IKEOptionsSpecification\.DhGroupName\n/);
    assert.match(run.stdout, /DH 组不一致.*GROUP15.*GROUP14/);
    assert.equal(tcvpn([file('mismatch-dh'), '--peer-log', log('dh.peer')], 'zh_CN.UTF-8').stdout, run.stdout);
  });

  it('never prints the pre-shared key, in text or JSON, in the evidence or the message', () => {
    // A device whose key was pasted into its identity field: the cloud logs the key as the identity presented.
    const key = 'lab "route" \\psk #1 $x';
    assert.ok(fs.readFileSync(file('mismatch-dh'), 'utf8').includes(`PreShareKey: '${key}'`));
    const cloudLog = path.join(dir, 'cloud.log');
    fs.writeFileSync(
      cloudLog,
      `17:58:30 13[CFG] looking for peer configs matching 192.0.2.1[%any]...192.0.2.2[${key}]\n` +
        '17:58:30 13[CFG] no matching peer config found\n',
    );
    const peerLog = path.join(dir, 'peer.log');
    fs.writeFileSync(peerLog, '17:58:30 10[IKE] received AUTHENTICATION_FAILED notify error\n');
    const args = [file('mismatch-dh'), '--peer-log', peerLog, '--cloud-log', cloudLog];
    const text = tcvpn(args);
    const asJson = tcvpn([...args, '--format', 'json']);
    assert.equal(text.code, 1, text.stderr);
    assert.match(
      text.stdout,
      /cloud: looking for peer configs matching 192\.0\.2\.1\[%any\]\.\.\.192\.0\.2\.2\[\*{6}\]/,
    );
    assert.match(text.stdout, /cloud received the identity '\*{6}'/);
    for (const output of [text.stdout, asJson.stdout, JSON.parse(asJson.stdout)[0].message.zh as string])
      assert.ok(!output.includes('psk #1') && !output.includes(JSON.stringify(key).slice(1, -1)), output);
  });

  it('a missing log, a device as a log, an empty log: exit 2 with the reason, nothing on stdout', () => {
    const empty = path.join(dir, 'empty.log');
    fs.writeFileSync(empty, '\n');
    for (const [peerLog, reason] of [
      [path.join(dir, 'missing.log'), /--peer-log .*missing\.log: no such file\nnothing was diagnosed/],
      ['/dev/zero', /--peer-log \/dev\/zero: is a character device, not a file/],
      [empty, /empty\.log: is empty: it holds no log line/],
    ] as const) {
      const run = tcvpn([file('mismatch-dh'), '--peer-log', peerLog]);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, reason);
    }
    const cloud = tcvpn([file('mismatch-dh'), '--peer-log', log('dh.peer'), '--cloud-log', path.join(dir, 'no.log')]);
    assert.equal(cloud.code, 2);
    assert.match(cloud.stderr, /--cloud-log .*no\.log: no such file/);
  });

  it('usage errors exit 2: no --peer-log, a wrong --format or --lang, no FILE, a missing FILE', () => {
    for (const [args, message] of [
      [[file('mismatch-dh')], /--peer-log is needed/],
      [[file('mismatch-dh'), '--peer-log', log('dh.peer'), '--format', 'xml'], /--format must be text or json/],
      [[file('mismatch-dh'), '--peer-log', log('dh.peer'), '--lang', 'fr'], /--lang must be zh or en/],
      [['--peer-log', log('dh.peer')], /exactly one FILE is needed/],
      [[path.join(dir, 'none.vpnconn.yaml'), '--peer-log', log('dh.peer')], /none\.vpnconn\.yaml: no such file/],
    ] as const) {
      const run = tcvpn([...args]);
      assert.equal(run.code, 2, run.stdout);
      assert.match(run.stderr, message);
    }
  });
});
