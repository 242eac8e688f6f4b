/**
 * The validation worker's failure paths (server/workerClient.ts through server/largeDocuments.ts), with stand-in
 * worker scripts that crash, hang, exhaust their heap or take long on purpose: a crash never loses a validation
 * (the call is tried in a fresh worker, then run on the main thread, each step logged); a hang or an exhausted
 * heap is tried once more and then fails with a log line, never moved to the main thread that the same work would
 * freeze or end; a worker that keeps crashing is given up; a newer version of a document supersedes the older
 * one, waiting or running.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ResourceSnapshot } from '../../language/account/snapshot';
import type { VpnLanguageService } from '../../language/languageService';
import { LargeDocuments, type Computed } from '../../server/largeDocuments';

/** Stand-in workers: each answers a call as its behaviour says (the real one is dist/validationWorker.js). */
const WORKERS = {
  crashes: `require('node:worker_threads').parentPort.on('message', () => { throw new Error('boom'); });`,
  exits: `require('node:worker_threads').parentPort.on('message', () => process.exit(3));`,
  hangs: `require('node:worker_threads').parentPort.on('message', () => { for (;;) {} });`,
  memory: `const kept = []; require('node:worker_threads').parentPort.on('message', () => { for (;;) kept.push(new Array(1e6).fill(1)); });`,
  // Takes `ms` of busy time per validation (the doc text says how long), then answers with the version it saw.
  slow: `const { parentPort } = require('node:worker_threads');
    let text = '';
    parentPort.on('message', (m) => {
      if (m.kind !== 'call') return;
      if (m.doc.text !== undefined) text = m.doc.text;
      const until = Date.now() + Number(text.split(' ')[0]);
      while (Date.now() < until) {}
      parentPort.postMessage({ kind: 'result', id: m.id, result: [{ message: 'worker v' + m.doc.version }] });
    });`,
};

const OPTIONS = { lang: 'en' as const, disabledRules: [] };
/** The main thread's service, as far as these calls reach it: it says it ran here. */
const LOCAL = {
  validate: (doc: TextDocument) => [{ message: `local v${doc.version}` }],
} as unknown as VpnLanguageService;

describe('validation worker: crashes, hangs and stale versions', function () {
  this.timeout(30_000);
  let dir: string;
  let logs: string[];
  const large = (worker: keyof typeof WORKERS, extra: Record<string, number> = {}) => {
    const script = join(dir, `${worker}.js`);
    writeFileSync(script, WORKERS[worker]);
    return new LargeDocuments(LOCAL, {
      log: (message) => logs.push(message),
      script,
      thresholds: { json: 1, yaml: 1 },
      ...extra,
    });
  };
  const doc = (text: string, version = 1) => TextDocument.create('file:///big.vpnconn.json', 'json', version, text);
  const validated = async (result: ReturnType<LargeDocuments['validate']>) => {
    assert.ok(result instanceof Promise, 'a large document is validated in the worker');
    return (await result) as Computed<Diagnostic[]> | undefined;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tcvpn-worker-'));
    logs = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const worker of ['crashes', 'exits'] as const) {
    it(`a worker that ${worker} on a call: tried again in a new worker, then validated on the main thread`, async () => {
      const computed = await validated(large(worker).validate(doc('{}'), OPTIONS));
      assert.deepEqual(computed, { value: [{ message: 'local v1' }], version: 1 });
      assert.equal(logs.filter((line) => line.startsWith('validation worker ')).length, 2, logs.join('\n'));
      assert.ok(logs.some((line) => /validate of file:\/\/\/big\.vpnconn\.json runs on the main thread/.test(line)));
    });
  }

  it('a worker that hangs is terminated after hangMs and tried again; the main thread is not frozen by the same work', async () => {
    const documents = large('hangs', { hangMs: 300 });
    const computed = await validated(documents.validate(doc('{}'), OPTIONS));
    assert.equal(computed?.value.length, 1);
    assert.equal(computed?.value[0].code, 'not-validated');
    assert.match(String(computed!.value[0].message), /its validation did not finish in time, twice/);
    assert.equal(logs.filter((line) => line.includes('did not answer within 0.3 s; starting a new one')).length, 2);
    assert.ok(
      logs.some((line) => /validate of file:\/\/\/big\.vpnconn\.json failed twice in the validation worker/.test(line)),
      logs.join('\n'),
    );
    assert.ok(!logs.some((line) => line.includes('runs on the main thread')), logs.join('\n'));
    // A request on it is not sent either: it has no answer.
    assert.equal(await documents.request('hover', doc('{}'), OPTIONS, [], () => 'local', 'no answer'), 'no answer');
  });

  it('a worker that runs out of memory is tried again, then the document shows one notice (the main thread would fail too)', async () => {
    const documents = new LargeDocuments(LOCAL, {
      log: (message) => logs.push(message),
      script: join(dir, 'memory.js'),
      thresholds: { json: 1, yaml: 1 },
      resourceLimits: { maxOldGenerationSizeMb: 48 },
    });
    writeFileSync(join(dir, 'memory.js'), WORKERS.memory);
    const computed = await validated(documents.validate(doc('{}'), OPTIONS));
    assert.deepEqual(
      computed?.value.map((d) => [d.code, d.severity]),
      [['not-validated', 2]],
    );
    assert.match(String(computed!.value[0].message), /ran out of memory, twice/);
    assert.equal(logs.filter((line) => /out of memory; starting a new one/i.test(line)).length, 2, logs.join('\n'));
    const zh = await validated(documents.validate(doc('{}', 2), { ...OPTIONS, lang: 'zh' }));
    assert.match(String(zh!.value[0].message), /耗尽内存/);
  });

  it('a document that failed so is not sent again at the same size (no restart per keystroke); a tenth shorter, or reopened, it is', async () => {
    const documents = large('hangs', { hangMs: 200 });
    const text = 'x'.repeat(100);
    await validated(documents.validate(doc(text), OPTIONS));
    const restarts = () => logs.filter((line) => line.includes('starting a new one')).length;
    assert.equal(restarts(), 2);
    // One more character: answered with the notice at once, for its own version, without a worker.
    const again = await validated(documents.validate(doc(`${text}y`, 2), OPTIONS));
    assert.deepEqual([again?.version, again?.value[0].code], [2, 'not-validated']);
    assert.equal(
      await documents.request('hover', doc(`${text}y`, 2), OPTIONS, [], () => 'local', 'no answer'),
      'no answer',
    );
    assert.equal(restarts(), 2, 'not tried again');
    // A tenth shorter: tried again (and hangs again).
    await validated(documents.validate(doc('x'.repeat(89), 3), OPTIONS));
    assert.equal(restarts(), 4);
    // Closed and reopened at the same size: tried again.
    documents.forget('file:///big.vpnconn.json');
    await validated(documents.validate(doc('x'.repeat(89), 1), OPTIONS));
    assert.equal(restarts(), 6);
  });

  it('the account view is copied to the worker only when it changed, and again to a new worker', async () => {
    const script = join(dir, 'account.js');
    writeFileSync(
      script,
      `require('node:worker_threads').parentPort.on('message', (m) => {
        if (m.kind !== 'call') return;
        if (m.doc.text === 'crash') process.exit(3);
        require('node:worker_threads').parentPort.postMessage({ kind: 'result', id: m.id,
          result: [{ message: (m.options.account ? 'view ' + m.options.account.snapshots.length : '') + (m.options.accountUnchanged ? 'unchanged' : '') }] });
      });`,
    );
    const documents = new LargeDocuments(LOCAL, {
      log: (message) => logs.push(message),
      script,
      thresholds: { json: 1, yaml: 1 },
    });
    const snapshot = { region: 'ap-guangzhou', fetchedAt: 1 } as unknown as ResourceSnapshot;
    let snapshots: Array<[string, ResourceSnapshot]> = [['', snapshot]];
    const account = {
      defaultRegion: () => 'ap-guangzhou',
      snapshot: () => undefined,
      loading: () => false,
      locate: () => undefined,
      // A new view object each call, as AccountLookup makes: equal content is what counts.
      view: () => ({ defaultRegion: 'ap-guangzhou', snapshots: [...snapshots], loading: [], located: [] }),
    };
    const withAccount = { ...OPTIONS, account };
    const sent = async (text: string, version: number) =>
      (await validated(documents.validate(doc(text, version), withAccount)))?.value[0]?.message;
    assert.equal(await sent('{}', 1), 'view 1');
    assert.equal(await sent('{}', 2), 'unchanged');
    snapshots = [['', { ...snapshot, fetchedAt: 2 } as ResourceSnapshot]];
    assert.equal(await sent('{}', 3), 'view 1', 'a new snapshot is sent');
    assert.equal(await sent('{}', 4), 'unchanged');
    // A crash restarts the worker, which holds no view: the retried call carries it again (then runs here).
    await validated(documents.validate(doc('crash', 5), withAccount));
    assert.equal(await sent('{}', 6), 'view 1');
  });

  it('closing a document drops its queued requests: the worker is never sent the closed text', async () => {
    // The stand-in answers each call with every uri it was sent so far.
    const script = join(dir, 'records.js');
    writeFileSync(
      script,
      `const { parentPort } = require('node:worker_threads');
      const seen = [];
      parentPort.on('message', (m) => {
        if (m.kind !== 'call') return;
        seen.push(m.doc.uri);
        const until = Date.now() + Number((m.doc.text ?? '0').split(' ')[0]);
        while (Date.now() < until) {}
        parentPort.postMessage({ kind: 'result', id: m.id, result: seen });
      });`,
    );
    const documents = new LargeDocuments(LOCAL, {
      log: (message) => logs.push(message),
      script,
      thresholds: { json: 1, yaml: 1 },
    });
    const other = (uri: string) => TextDocument.create(uri, 'json', 1, '0 {}');
    const busy = documents.validate(doc('300 {}'), OPTIONS);
    const queued = documents.request(
      'hover',
      other('file:///closed.vpnconn.json'),
      OPTIONS,
      [],
      () => 'local',
      'dropped',
    );
    documents.forget('file:///closed.vpnconn.json');
    assert.equal(await queued, 'dropped');
    await validated(busy);
    const after = await validated(documents.validate(other('file:///next.vpnconn.json'), OPTIONS));
    assert.deepEqual(after?.value, ['file:///big.vpnconn.json', 'file:///next.vpnconn.json']);
  });

  it('after maxFailures failures in a row the worker is given up: documents are validated here, at once', async () => {
    const documents = large('crashes', { maxFailures: 2 });
    await validated(documents.validate(doc('{}'), OPTIONS));
    assert.ok(
      logs.some((line) => line.includes('validating on the main thread from now on')),
      logs.join('\n'),
    );
    assert.deepEqual(documents.validate(doc('{}', 2), OPTIONS), [{ message: 'local v2' }]);
  });

  it('a newer version supersedes one waiting to be sent, and restarts a worker stuck on an older one', async () => {
    const documents = large('slow', { staleRestartMs: 200 });
    const first = documents.validate(doc('10000 v1'), OPTIONS); // 10 s in the worker: stale once v2 comes
    const second = documents.validate(doc('0 v2', 2), OPTIONS); // waits behind it, superseded by v3
    const third = documents.validate(doc('0 v3', 3), OPTIONS);
    assert.equal(await validated(second), undefined, 'v2 was never sent');
    assert.equal(await validated(first), undefined, 'v1 was stopped');
    assert.deepEqual(await validated(third), { value: [{ message: 'worker v3' }], version: 3 });
    assert.ok(
      logs.some((line) => /version 1\) stopped after \d+ ms: a newer version is waiting/.test(line)),
      logs.join('\n'),
    );
  });

  it('a newer version leaves an older one that finishes soon to finish (its answer, for its version, is dropped by the publisher)', async () => {
    const documents = large('slow', { staleRestartMs: 5000 });
    const first = documents.validate(doc('300 v1'), OPTIONS);
    const second = documents.validate(doc('0 v2', 2), OPTIONS);
    assert.deepEqual(await validated(first), { value: [{ message: 'worker v1' }], version: 1 });
    assert.deepEqual(await validated(second), { value: [{ message: 'worker v2' }], version: 2 });
    assert.deepEqual(logs, []);
  });
});
