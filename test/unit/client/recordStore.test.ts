/**
 * The shared record store (cloud/recordStore.ts) and where it lives (cloud/stateDir.ts): one private file per
 * record, damaged files skipped, a tunnel lock that serialises claims across histories (as across processes) and
 * is taken over from a process that died, and a claim refused while another unfinished record holds the tunnel.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TaskHistory } from '../../../cloud/history';
import { FileRecordStore } from '../../../cloud/recordStore';
import { SubmitRefusedError } from '../../../cloud/refusal';
import { stateDir } from '../../../cloud/stateDir';
import { next, startRecord } from '../../../cloud/submissionRecord';
import { tunnelLockKey } from '../../../cloud/tunnelIdentity';

const TUNNEL = { name: 'tunnel-a', region: 'ap-guangzhou', vpnGatewayId: 'vpngw-1', customerGatewayId: 'cgw-1' };

function recordFor(source: string, overrides: Partial<typeof TUNNEL> = {}) {
  return startRecord({ ...TUNNEL, ...overrides, source, documentIndex: 0 });
}

describe('shared record store', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-store-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lives in TCVPN_STATE_DIR, else the platform folder for per-user state', () => {
    assert.equal(stateDir({ TCVPN_STATE_DIR: '/tmp/x' }, 'linux'), '/tmp/x');
    assert.equal(stateDir({ XDG_STATE_HOME: '/s' }, 'linux'), '/s/tcvpn');
    assert.equal(stateDir({}, 'linux'), path.join(os.homedir(), '.local', 'state', 'tcvpn'));
    assert.equal(stateDir({}, 'darwin'), path.join(os.homedir(), 'Library', 'Application Support', 'tcvpn'));
  });

  it('writes one private file per record, and another history over the folder reads it', async () => {
    const history = new TaskHistory(new FileRecordStore(dir));
    const record = recordFor('/a.vpnconn.json');
    await history.claim(record);
    const file = path.join(dir, 'records', `${record.id}.json`);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(
      new TaskHistory(new FileRecordStore(dir)).list().map((r) => r.id),
      [record.id],
    );
    assert.deepEqual(
      fs.readdirSync(path.join(dir, 'records')).filter((name) => name.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
  });

  it('skips a damaged record file instead of failing to load the rest', async () => {
    const history = new TaskHistory(new FileRecordStore(dir));
    await history.upsert(recordFor('/a.vpnconn.json'));
    fs.writeFileSync(path.join(dir, 'records', 'broken.json'), '{ not json');
    assert.equal(new TaskHistory(new FileRecordStore(dir)).list().length, 1);
  });

  it('refuses a claim of a tunnel another history (process) is creating, with its state; another tunnel may go', async () => {
    const first = new TaskHistory(new FileRecordStore(dir));
    const second = new TaskHistory(new FileRecordStore(dir));
    const held = recordFor('/a.vpnconn.json');
    await first.claim(held);
    await assert.rejects(
      second.claim(recordFor('/copy-of-a.vpnconn.json')),
      (error: unknown) =>
        error instanceof SubmitRefusedError &&
        error.running?.id === held.id &&
        /already being created/.test(error.message),
    );
    await second.claim(recordFor('/b.vpnconn.json', { name: 'tunnel-b' }));
    // Once the first is finished, the tunnel may be claimed again (the submit then looks for the tunnel first).
    await first.replace(next(next(held, { type: 'createSent' }), { type: 'abandoned' }));
    await second.claim(recordFor('/copy-of-a.vpnconn.json'));
  });

  it('of simultaneous claims of one tunnel, exactly one wins', async () => {
    const histories = Array.from({ length: 8 }, () => new TaskHistory(new FileRecordStore(dir)));
    const results = await Promise.allSettled(histories.map((h, i) => h.claim(recordFor(`/copy-${i}.vpnconn.json`))));
    assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
    assert.equal(new TaskHistory(new FileRecordStore(dir)).list().length, 1);
  });

  it('takes over a lock left by a process that died', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const lockName = `${createHash('sha256').update(tunnelLockKey(TUNNEL)).digest('hex').slice(0, 32)}.lock`;
    fs.mkdirSync(path.join(dir, 'locks'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'locks', lockName),
      JSON.stringify({ pid: Number(dead.stdout), host: os.hostname(), at: Date.now() }),
    );
    // Without the take-over the claim would wait LOCK_WAIT_MS and be refused: the lock is far from stale by age.
    const history = new TaskHistory(new FileRecordStore(dir));
    await history.claim(recordFor('/a.vpnconn.json'));
    assert.deepEqual(fs.readdirSync(path.join(dir, 'locks')), [], 'the lock is released after the claim');
  });
});
