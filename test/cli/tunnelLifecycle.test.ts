/**
 * The file is the tunnel (issue 16), through `tcvpn import`, `plan`, `apply`, `delete` and `reset` against the
 * emulator's seeded tunnels, in-process with a scripted terminal:
 * - import → the file validates with no error through the one pipeline, and plan reports no changes (exit 0);
 * - a modifiable field edited → plan exit 2 naming it → apply → plan 0, and the emulator saw one Modify carrying
 *   only that field (an IKE member: the IKE object, whole);
 * - the gateway edited → plan names it as needing a new tunnel, and apply refuses without sending anything;
 * - the pre-shared key is absent from an imported file without --include-psk, present with it;
 * - apply, delete and reset confirm on a terminal, take --yes, and without either send nothing (exit 2).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { sharedHistory } from '../../cli/cloudArgs';
import type { ConfirmIo } from '../../cli/confirm';
import { runApply } from '../../cli/tunnelApply';
import { runImport } from '../../cli/tunnelImport';
import { runTunnelCommand } from '../../cli/tunnelOps';
import { runPlan } from '../../cli/tunnelPlan';
import type { CliIo } from '../../cli/tunnelIo';
import { MODIFY_ACTION, startRecord } from '../../cloud/submissionRecord';
import type { RunningEmulator } from '../../emulator';
import { checkText } from '../../language';
import { emulatorClient, emulatorState, fastEmulator, runCli } from '../unit/client/helpers';

const STATIC_TUNNEL = 'vpnx-5eed01gz';
const SEEDED_PSK = 'seeded-psk-1';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  questions: string[];
}

describe('tcvpn import, plan, apply, delete and reset against the emulator', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    emulator = await fastEmulator();
    const [demo] = emulator.credentials;
    env = { LANG: 'C', TENCENTCLOUD_SECRET_ID: demo.secretId, TENCENTCLOUD_SECRET_KEY: demo.secretKey };
  });
  beforeEach(() => {
    emulator.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-tunnel-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  after(() => emulator.close());

  /** Runs a command with a terminal that answers `answers` in turn (none: no terminal at all). */
  async function run(
    command: (argv: string[], io: CliIo) => Promise<number>,
    argv: string[],
    answers?: string[],
  ): Promise<Run> {
    const result: Run = { code: -1, stdout: '', stderr: '', questions: [] };
    const confirm: ConfirmIo = {
      interactive: answers !== undefined,
      ask: async (question) => {
        result.questions.push(question);
        return answers?.shift() ?? '';
      },
    };
    const io: CliIo = {
      out: (text) => void (result.stdout += text),
      err: (line) => void (result.stderr += `${line}\n`),
      confirm,
      env: { ...env, HOME: dir },
    };
    result.code = await command([...argv, '--endpoint', emulator.url], io);
    return result;
  }

  const file = (name: string) => path.join(dir, name);
  const modifies = () => emulator.requests.filter((request) => request.action === MODIFY_ACTION);
  const changing = () => emulator.requests.filter((request) => !request.action.startsWith('Describe'));
  const importTo = (name: string, extra: string[] = []) =>
    run(runImport, [STATIC_TUNNEL, '--out', file(name), ...extra]);
  const planJson = async (name: string) => {
    const planned = await run(runPlan, [file(name), '--output', 'json']);
    return { code: planned.code, plan: JSON.parse(planned.stdout || '{}'), stderr: planned.stderr };
  };
  const editYaml = (name: string, edit: (value: Record<string, unknown>) => void) => {
    const value = parseYaml(fs.readFileSync(file(name), 'utf8')) as Record<string, unknown>;
    edit(value);
    fs.writeFileSync(file(name), JSON.stringify(value));
  };

  it('imports a tunnel as a file that validates with no error, and plan then reports no changes (exit 0)', async () => {
    for (const name of ['t.vpnconn.yaml', 't.vpnconn.json']) {
      const imported = await importTo(name);
      assert.equal(imported.code, 0, imported.stderr);
      const text = fs.readFileSync(file(name), 'utf8');
      const check = checkText(text, name.endsWith('.json') ? 'json' : 'yaml', `file:///${name}`, {
        lang: 'en',
        disabledRules: [],
      });
      const errors = check.diagnostics.filter((diagnostic) => diagnostic.severity === 1);
      assert.deepEqual(
        errors.map((error) => error.message),
        [],
        text,
      );
      const planned = await run(runPlan, [file(name)]);
      assert.equal(planned.code, 0, planned.stdout + planned.stderr);
      assert.match(planned.stdout, /No changes/);
    }
  });

  it('writes the input form: the tunnel id and region, SPD under the input name, defaults left out', async () => {
    const imported = await importTo('t.vpnconn.yaml');
    assert.equal(imported.code, 0, imported.stderr);
    const text = fs.readFileSync(file('t.vpnconn.yaml'), 'utf8');
    const value = parseYaml(text) as Record<string, unknown>;
    assert.equal(value.VpnConnectionId, STATIC_TUNNEL);
    assert.equal(value.Region, 'ap-guangzhou');
    assert.deepEqual(value.SecurityPolicyDatabases, [
      { LocalCidrBlock: '10.8.1.0/24', RemoteCidrBlock: ['192.168.1.0/24'] },
    ]);
    for (const answerOnly of ['SecurityPolicyDatabaseSet', 'State', 'NetStatus', 'CreatedTime', 'TagSet', 'RouteType'])
      assert.ok(!(answerOnly in value), `${answerOnly} is not input (or is its default)`);
    assert.ok(!('DpdTimeout' in value) && !('NegotiationType' in value), 'defaults are left out');
    assert.match(text, /# answered as SecurityPolicyDatabaseSet; the input is SecurityPolicyDatabases/);
    // The service answers every IKE member; only those without a default remain.
    assert.deepEqual(Object.keys(value.IKEOptionsSpecification as object).sort(), ['LocalAddress', 'RemoteAddress']);
  });

  it('leaves the pre-shared key out of an imported file unless --include-psk, and says so', async () => {
    const yaml = await importTo('t.vpnconn.yaml');
    const json = await run(runImport, [STATIC_TUNNEL, '--format', 'json']);
    assert.equal(yaml.code, 0, yaml.stderr);
    assert.equal(json.code, 0, json.stderr);
    const yamlText = fs.readFileSync(file('t.vpnconn.yaml'), 'utf8');
    for (const text of [yamlText, json.stdout, json.stderr, yaml.stderr]) {
      assert.ok(!text.includes(SEEDED_PSK), text);
      assert.ok(!/PreShareKey\s*[:"]/.test(text.replace(/^#.*$/gm, '')), text);
    }
    assert.match(yamlText, /^# PreShareKey is kept on the service/m);
    assert.match(json.stderr, /note: PreShareKey is kept on the service/);
    const withKey = await importTo('k.vpnconn.yaml', ['--include-psk']);
    assert.equal(withKey.code, 0, withKey.stderr);
    assert.equal(
      (parseYaml(fs.readFileSync(file('k.vpnconn.yaml'), 'utf8')) as Record<string, unknown>).PreShareKey,
      SEEDED_PSK,
    );
    assert.equal(fs.statSync(file('k.vpnconn.yaml')).mode & 0o777, 0o600);
  });

  it('refuses to overwrite an existing file without --force', async () => {
    fs.writeFileSync(file('t.vpnconn.yaml'), 'kept');
    const refused = await importTo('t.vpnconn.yaml');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /exists: --force overwrites it\nnothing was read from the service/);
    assert.equal(fs.readFileSync(file('t.vpnconn.yaml'), 'utf8'), 'kept');
    assert.equal((await importTo('t.vpnconn.yaml', ['--force'])).code, 0);
    // An overwritten file that now holds the key is its owner's only, though it was created readable by all.
    fs.chmodSync(file('t.vpnconn.yaml'), 0o644);
    assert.equal((await importTo('t.vpnconn.yaml', ['--force', '--include-psk'])).code, 0);
    assert.equal(fs.statSync(file('t.vpnconn.yaml')).mode & 0o777, 0o600);
  });

  it('plans an edited modifiable field (exit 2), applies it with one Modify of only that field, then plans 0', async () => {
    await importTo('t.vpnconn.yaml');
    editYaml('t.vpnconn.yaml', (value) => (value.VpnConnectionName = 'renamed-by-apply'));
    const before = await planJson('t.vpnconn.yaml');
    assert.equal(before.code, 2, before.stderr);
    assert.deepEqual(before.plan.inPlace, ['VpnConnectionName']);
    assert.deepEqual(before.plan.needsNewTunnel, []);
    const applied = await run(runApply, [file('t.vpnconn.yaml'), '--yes']);
    assert.equal(applied.code, 0, applied.stderr);
    assert.equal(modifies().length, 1);
    assert.deepEqual(modifies()[0].paramKeys, ['VpnConnectionId', 'VpnConnectionName']);
    const after = await planJson('t.vpnconn.yaml');
    assert.equal(after.code, 0, JSON.stringify(after.plan));
    const live = (await emulatorState(emulator)).connections.find((c) => c.VpnConnectionId === STATIC_TUNNEL);
    assert.equal(live?.VpnConnectionName, 'renamed-by-apply');
  });

  it('sends a changed IKE object whole, and the tunnel then matches the file', async () => {
    await importTo('t.vpnconn.yaml');
    editYaml('t.vpnconn.yaml', (value) => {
      (value.IKEOptionsSpecification as Record<string, unknown>).DhGroupName = 'GROUP14';
    });
    const before = await planJson('t.vpnconn.yaml');
    assert.deepEqual(
      before.plan.changes.map((change: { field: string; members: string[] }) => [change.field, change.members]),
      [['IKEOptionsSpecification', ['DhGroupName']]],
    );
    assert.equal((await run(runApply, [file('t.vpnconn.yaml'), '--yes'])).code, 0);
    assert.deepEqual(modifies()[0].paramKeys, ['VpnConnectionId', 'IKEOptionsSpecification']);
    const live = (await emulatorState(emulator)).connections.find((c) => c.VpnConnectionId === STATIC_TUNNEL);
    assert.equal((live?.IKEOptionsSpecification as Record<string, unknown>).DhGroupName, 'GROUP14');
    assert.equal((await planJson('t.vpnconn.yaml')).code, 0);
  });

  it('rotates the pre-shared key in place, masked in the plan, the question and the result', async () => {
    await importTo('t.vpnconn.yaml');
    editYaml('t.vpnconn.yaml', (value) => (value.PreShareKey = 'rotated-psk-9x7'));
    const planned = await run(runPlan, [file('t.vpnconn.yaml')]);
    assert.equal(planned.code, 2, planned.stderr);
    assert.match(planned.stdout, /~ PreShareKey: "\*{6}" -> "\*{6}"\s+\[in place\]/);
    const applied = await run(runApply, [file('t.vpnconn.yaml')], ['yes']);
    assert.equal(applied.code, 0, applied.stderr);
    assert.deepEqual(modifies()[0].paramKeys, ['VpnConnectionId', 'PreShareKey']);
    for (const text of [planned.stdout, planned.stderr, applied.stdout, applied.stderr, ...applied.questions])
      assert.ok(!text.includes('rotated-psk-9x7') && !text.includes(SEEDED_PSK), text);
    const client = emulatorClient(emulator);
    try {
      const answer = await client.request<{ VpnConnectionSet: { PreShareKey: string }[] }>('DescribeVpnConnections', {
        VpnConnectionIds: [STATIC_TUNNEL],
      });
      assert.equal(answer.VpnConnectionSet[0].PreShareKey, 'rotated-psk-9x7');
    } finally {
      client.dispose();
    }
    const records = sharedHistory()
      .list()
      .filter((record) => record.vpnConnectionId === STATIC_TUNNEL);
    assert.ok(!JSON.stringify(records).includes('rotated-psk-9x7'));
  });

  it('names a changed gateway as needing a new tunnel, and apply refuses it without sending anything', async () => {
    await importTo('t.vpnconn.yaml');
    editYaml('t.vpnconn.yaml', (value) => {
      value.VpnGatewayId = 'vpngw-8bgp4k2d';
      value.VpnConnectionName = 'also-renamed';
    });
    const planned = await planJson('t.vpnconn.yaml');
    assert.equal(planned.code, 2);
    assert.deepEqual(planned.plan.needsNewTunnel, ['VpnGatewayId']);
    const text = await run(runPlan, [file('t.vpnconn.yaml')]);
    assert.match(text.stdout, /VpnGatewayId: "vpngw-1w9tue3d" -> "vpngw-8bgp4k2d"\s+\[needs a new tunnel\]/);
    const sentBefore = changing().length;
    const applied = await run(runApply, [file('t.vpnconn.yaml'), '--yes']);
    assert.equal(applied.code, 1);
    assert.match(applied.stderr, /VpnGatewayId cannot be changed on an existing tunnel.*Nothing was sent/);
    assert.equal(changing().length, sentBefore);
  });

  it('apply confirms on a terminal, and without one or --yes sends nothing (exit 2)', async () => {
    await importTo('t.vpnconn.yaml');
    editYaml('t.vpnconn.yaml', (value) => (value.VpnConnectionName = 'confirmed-name'));
    const noTerminal = await run(runApply, [file('t.vpnconn.yaml')]);
    assert.equal(noTerminal.code, 2);
    assert.match(noTerminal.stderr, /no terminal to confirm on; pass --yes/);
    const declined = await run(runApply, [file('t.vpnconn.yaml')], ['n']);
    assert.equal(declined.code, 1);
    assert.equal(modifies().length, 0);
    const accepted = await run(runApply, [file('t.vpnconn.yaml')], ['y']);
    assert.equal(accepted.code, 0, accepted.stderr);
    assert.match(
      accepted.questions[0],
      /Change VpnConnectionName of vpnx-5eed01gz "existing-static-gz" on vpngw-1w9tue3d/,
    );
    assert.equal(modifies().length, 1);
    assert.ok(!accepted.stderr.includes(SEEDED_PSK) && !accepted.stdout.includes(SEEDED_PSK));
  });

  it('refuses an apply while another record of the tunnel is unfinished, in any process', async () => {
    await importTo('t.vpnconn.yaml');
    editYaml('t.vpnconn.yaml', (value) => (value.VpnConnectionName = 'second'));
    const history = sharedHistory();
    const running = startRecord({
      action: MODIFY_ACTION,
      vpnConnectionId: STATIC_TUNNEL,
      name: 'existing-static-gz',
      region: 'ap-guangzhou',
      source: 'another process',
      documentIndex: 0,
      owner: { pid: process.pid, host: os.hostname() },
    });
    await history.claim(running);
    try {
      const refused = await run(runApply, [file('t.vpnconn.yaml'), '--yes']);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /has a ModifyVpnConnectionAttribute in progress/);
      assert.equal(modifies().length, 0);
    } finally {
      await history.remove(running.id);
    }
  });

  it('deletes a tunnel named by its file after a confirmation naming it, and follows the delete to its end', async () => {
    await importTo('t.vpnconn.yaml');
    const noTerminal = await run((argv, io) => runTunnelCommand('delete', argv, io), [file('t.vpnconn.yaml')]);
    assert.equal(noTerminal.code, 2);
    assert.equal(changing().length, 0);
    const declined = await run((argv, io) => runTunnelCommand('delete', argv, io), [STATIC_TUNNEL], ['no']);
    assert.equal(declined.code, 1);
    assert.equal(changing().length, 0);
    const deleted = await run((argv, io) => runTunnelCommand('delete', argv, io), [file('t.vpnconn.yaml')], ['y']);
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.match(
      deleted.questions[0],
      /Delete tunnel vpnx-5eed01gz "existing-static-gz" on vpngw-1w9tue3d with cgw-qa9sxpy7 \(ap-guangzhou, AVAILABLE\)/,
    );
    assert.match(deleted.stdout, /Status: SUCCESS/);
    const left = (await emulatorState(emulator)).connections.map((connection) => connection.VpnConnectionId);
    assert.ok(!left.includes(STATIC_TUNNEL));
    assert.deepEqual(
      changing().map((request) => [request.action, request.paramKeys]),
      [['DeleteVpnConnection', ['VpnGatewayId', 'VpnConnectionId']]],
    );
  });

  it('refuses to delete or reset through a file plan would refuse (errors, two documents), sending nothing', async () => {
    await importTo('t.vpnconn.yaml');
    const imported = fs.readFileSync(file('t.vpnconn.yaml'), 'utf8');
    fs.writeFileSync(file('two.vpnconn.yaml'), `${imported}---\n${imported}`);
    fs.writeFileSync(file('bad.vpnconn.yaml'), `${imported}IKEOptionsSpecification: x\n`);
    for (const verb of ['delete', 'reset'] as const)
      for (const name of ['two.vpnconn.yaml', 'bad.vpnconn.yaml']) {
        const refused = await run((argv, io) => runTunnelCommand(verb, argv, io), [file(name), '--yes']);
        assert.equal(refused.code, 2, `${verb} ${name}: ${refused.stderr}`);
        assert.match(refused.stderr, /nothing was sent/);
      }
    assert.equal(changing().length, 0);
  });

  it('resets a tunnel by id with --yes, and refuses without a terminal or --yes', async () => {
    const reset = (argv: string[], answers?: string[]) =>
      run((args, io) => runTunnelCommand('reset', args, io), argv, answers);
    assert.equal((await reset([STATIC_TUNNEL])).code, 2);
    assert.equal(changing().length, 0);
    const done = await reset([STATIC_TUNNEL, '--yes', '--output', 'json']);
    assert.equal(done.code, 0, done.stderr);
    assert.equal(JSON.parse(done.stdout).Action, 'ResetVpnConnection');
    assert.equal(JSON.parse(done.stdout).Status, 'SUCCESS');
    assert.deepEqual(
      changing().map((request) => request.action),
      ['ResetVpnConnection'],
    );
  });

  it('refuses to submit a file that names an existing tunnel: apply changes it, a create would make a twin', async () => {
    await importTo('t.vpnconn.yaml', ['--include-psk']);
    const submitted = await runCli([file('t.vpnconn.yaml'), '--endpoint', emulator.url]);
    assert.equal(submitted.code, 2);
    assert.match(
      submitted.stderr,
      /describes the existing tunnel vpnx-5eed01gz \(VpnConnectionId\); change it with tcvpn apply/,
    );
    assert.equal(changing().length, 0);
  });

  it('plan exits 1 on a usage error or a tunnel that does not exist (2 means changes)', async () => {
    assert.equal((await run(runPlan, [])).code, 1);
    fs.writeFileSync(
      file('gone.vpnconn.json'),
      JSON.stringify({
        VpnConnectionId: 'vpnx-00000000',
        VpnGatewayId: 'vpngw-1w9tue3d',
        CustomerGatewayId: 'cgw-qa9sxpy7',
        VpnConnectionName: 'x',
        VpcId: 'vpc-gapcv96p',
      }),
    );
    const missing = await run(runPlan, [file('gone.vpnconn.json')]);
    assert.equal(missing.code, 1, missing.stdout);
    assert.match(missing.stderr, /No tunnel vpnx-00000000 in ap-guangzhou/);
  });
});
