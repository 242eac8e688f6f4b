/**
 * No secret in clear anywhere: the whole submit flow runs with known SecretKey, token and pre-shared key values
 * (success, a FAILED task, a lost answer, a wrong key, and the CLI with --verbose), then every log line, stored
 * history (memory and file), record, CLI output and the history file on disk are searched for them. The SecretId
 * may appear only masked.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultEmulatorSeed, RunningEmulator } from '../../../emulator';
import { MemoryStore, TaskHistory } from '../../../cloud/history';
import { FileRecordStore } from '../../../cloud/recordStore';
import { MemoryLog } from '../../../cloud/log';
import { submitDocument } from '../../../cloud/submission';
import { emulatorClient, exampleDocument, fastEmulator, FIXTURES, pollerFor, runCli, settled } from './helpers';

const SECRET_ID = 'AKIDcanary0000000000000000000000ID42';
const SECRET_KEY = 'canary-secret-key-7f3a9c2e';
const WRONG_KEY = 'canary-wrong-key-5e8d11aa';
const TOKEN = 'canary-session-token-0b9f';
const PSK = 'canary-psk-91b2d4e6';
const SECRETS = [SECRET_KEY, WRONG_KEY, TOKEN, PSK];

describe('secrets never leak', () => {
  let emulator: RunningEmulator;
  let dir: string;
  const saved: Record<string, string | undefined> = {};

  before(async () => {
    emulator = await fastEmulator({
      seed: { ...defaultEmulatorSeed(), credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] },
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-secrets-'));
    for (const name of ['TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY', 'TENCENTCLOUD_TOKEN', 'HOME'])
      saved[name] = process.env[name];
  });
  after(async () => {
    for (const [name, value] of Object.entries(saved))
      value === undefined ? delete process.env[name] : (process.env[name] = value);
    fs.rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  });

  it('keeps SecretKey, token and PreShareKey out of logs, stored state, records and CLI output', async () => {
    const log = new MemoryLog();
    const memory = new MemoryStore();
    const historyFile = path.join(dir, 'history.json');
    const credentials = { secretId: SECRET_ID, secretKey: SECRET_KEY, token: TOKEN };
    const client = emulatorClient(emulator, log, { credentials });
    const runs: [TaskHistory, string, () => void][] = [
      [new TaskHistory(memory), 'leak-ok', () => undefined],
      [
        new TaskHistory(new FileRecordStore(historyFile)),
        'leak-failed',
        () => emulator.faults.inject({ kind: 'taskFails', output: 'injected failure' }),
      ],
      [new TaskHistory(memory), 'leak-dropped', () => emulator.faults.inject({ kind: 'createThenDrop' })],
    ];
    for (const [history, name, arrange] of runs) {
      arrange();
      const { poller } = pollerFor(client, history);
      const record = await submitDocument(client, history, {
        source: '/tmp/s.vpnconn.json',
        document: exampleDocument({ VpnConnectionName: name, PreShareKey: PSK }),
        region: 'ap-guangzhou',
      });
      poller.track(record.id);
      await settled(history, record.id);
      poller.dispose();
    }
    const wrong = emulatorClient(emulator, log, { credentials: { ...credentials, secretKey: WRONG_KEY } });
    const refused = await submitDocument(wrong, new TaskHistory(memory), {
      source: '/tmp/w.vpnconn.json',
      document: exampleDocument({ VpnConnectionName: 'leak-wrong', PreShareKey: PSK }),
      region: 'ap-guangzhou',
    });
    assert.equal(refused.error?.code, 'AuthFailure.SignatureFailure');

    const pskFile = path.join(dir, 'cli.vpnconn.json');
    const value = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'example.vpnconn.json'), 'utf8'));
    fs.writeFileSync(
      pskFile,
      JSON.stringify({ ...value, $schema: undefined, VpnConnectionName: 'leak-cli', PreShareKey: PSK }),
    );
    // A fresh emulator state: the earlier tunnels' SPD rules would conflict with the CLI's.
    emulator.reset();
    Object.assign(process.env, {
      TENCENTCLOUD_SECRET_ID: SECRET_ID,
      TENCENTCLOUD_SECRET_KEY: SECRET_KEY,
      TENCENTCLOUD_TOKEN: TOKEN,
      HOME: dir,
    });
    const cli = await runCli([pskFile, '--endpoint', emulator.url, '--wait', '--verbose', '--output', 'json']);
    assert.equal(cli.code, 0, cli.stderr);

    const places: Record<string, string> = {
      'log lines': log.lines.join('\n'),
      'memory store': JSON.stringify(memory.get('tencentcloudVpn.taskHistory.v1')),
      'history files on disk': fs
        .readdirSync(path.join(historyFile, 'records'))
        .map((name) => fs.readFileSync(path.join(historyFile, 'records', name), 'utf8'))
        .join('\n'),
      'CLI stdout': cli.stdout,
      'CLI stderr (--verbose request log)': cli.stderr,
    };
    assert.ok(
      log.lines.some((line) => line.includes('CreateVpnConnection')),
      'the requests were logged',
    );
    assert.ok(cli.stderr.includes('"PreShareKey":"******"'), 'the PSK is logged masked');
    for (const [place, text] of Object.entries(places)) {
      for (const secret of SECRETS) assert.ok(!text.includes(secret), `${place} contains ${secret}`);
      assert.ok(!text.includes(SECRET_ID), `${place} contains the full SecretId`);
    }
  });
});
