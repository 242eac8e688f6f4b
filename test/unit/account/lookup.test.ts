/**
 * The server's AccountLookup with a fake client: it answers at once from what it has, asks once per region in
 * the background, tells its owner when a snapshot arrives, logs and backs off after a failure, stays quiet
 * without credentials, cancels a lookup the client does not answer, and forgets everything on invalidate.
 */
import assert from 'node:assert/strict';
import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { ResourceSnapshot } from '../../../language/account/snapshot';
import { AccountLookup, type AccountClient } from '../../../server/accountLookup';
import type { ResourcesRequest } from '../../../protocol/messages';
import { seedSnapshot } from './fixtures';

interface Asked {
  params: ResourcesRequest.Params;
  token: CancellationToken;
  resolve(value: ResourceSnapshot | null): void;
  reject(error: unknown): void;
}

/** A client whose answers the test gives by hand. */
function fakeClient(): { client: AccountClient; asked: Asked[] } {
  const asked: Asked[] = [];
  const client: AccountClient = {
    resources: (params, token) => new Promise((resolve, reject) => asked.push({ params, token, resolve, reject })),
    locate: async () => ({ region: null }),
  };
  return { client, asked };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('server account lookup', () => {
  let now = 0;
  let changes = 0;
  const logs: string[] = [];
  const options = (extra = {}) => ({
    onChange: () => void changes++,
    log: (line: string) => void logs.push(line),
    now: () => now,
    ...extra,
  });
  beforeEach(() => {
    now = 1_000_000;
    changes = 0;
    logs.length = 0;
  });

  it('answers at once with nothing, asks the client once, and reports the snapshot when it arrives', async () => {
    const { client, asked } = fakeClient();
    const lookup = new AccountLookup(client, options());
    assert.equal(lookup.snapshot(undefined), undefined);
    assert.equal(lookup.snapshot(undefined), undefined);
    assert.equal(lookup.loading(undefined), true);
    assert.deepEqual(
      asked.map((a) => a.params),
      [{}],
      'one request, for the default region',
    );
    asked[0].resolve(seedSnapshot('ap-guangzhou'));
    await tick();
    assert.equal(changes, 1);
    assert.equal(lookup.defaultRegion(), 'ap-guangzhou');
    assert.equal(lookup.snapshot(undefined)?.vpnGateways.length, 4);
    assert.equal(
      lookup.snapshot('ap-guangzhou')?.region,
      'ap-guangzhou',
      "the default region's snapshot also serves its name",
    );
    assert.equal(asked.length, 1);
  });

  it('asks again once the snapshot is a minute old, and reports only a changed answer', async () => {
    const { client, asked } = fakeClient();
    const lookup = new AccountLookup(client, options());
    lookup.snapshot('ap-shanghai');
    asked[0].resolve(seedSnapshot('ap-shanghai'));
    await tick();
    now += 61_000;
    assert.ok(lookup.snapshot('ap-shanghai'), 'the old snapshot stays in use meanwhile');
    assert.equal(asked.length, 2);
    asked[1].resolve({ ...seedSnapshot('ap-shanghai'), fetchedAt: 5 });
    await tick();
    assert.equal(changes, 1, 'the same resources again: no re-publish');
  });

  it('logs a failed lookup, shows nothing, and waits before asking again', async () => {
    const { client, asked } = fakeClient();
    const lookup = new AccountLookup(client, options());
    lookup.snapshot('ap-guangzhou');
    asked[0].reject(new ResponseError(-32000, 'InternalError: the service is down'));
    await tick();
    assert.match(
      logs.join('\n'),
      /account lookup of resources of ap-guangzhou failed: InternalError: the service is down; retrying in 5 s/,
    );
    assert.equal(lookup.snapshot('ap-guangzhou'), undefined);
    assert.equal(asked.length, 1, 'no new request during the backoff');
    now += 5_001;
    lookup.snapshot('ap-guangzhou');
    assert.equal(asked.length, 2);
  });

  it('without credentials (null) shows nothing and does not ask on every keystroke', async () => {
    const { client, asked } = fakeClient();
    const lookup = new AccountLookup(client, options());
    lookup.snapshot(undefined);
    asked[0].resolve(null);
    await tick();
    for (let i = 0; i < 5; i++) assert.equal(lookup.snapshot(undefined), undefined);
    assert.equal(lookup.loading(undefined), false);
    assert.equal(asked.length, 1);
    assert.equal(changes + logs.length, 0);
  });

  it('cancels a lookup the client has not answered in time', async () => {
    const { client, asked } = fakeClient();
    const lookup = new AccountLookup(client, options({ timeoutMs: 20 }));
    lookup.snapshot(undefined);
    await new Promise<void>((resolve) => asked[0].token.onCancellationRequested(() => resolve()));
    assert.equal(asked[0].token.isCancellationRequested, true);
  });

  it('turns itself off for a client that does not know the request', async () => {
    const { client, asked } = fakeClient();
    const lookup = new AccountLookup(client, options());
    lookup.snapshot(undefined);
    asked[0].reject(new ResponseError(ErrorCodes.MethodNotFound, 'unhandled method'));
    await tick();
    now += 3_600_000;
    lookup.snapshot(undefined);
    assert.equal(asked.length, 1);
  });

  it('forgets everything on invalidate and drops answers to requests sent before', async () => {
    const { client, asked } = fakeClient();
    const lookup = new AccountLookup(client, options());
    lookup.snapshot(undefined);
    lookup.invalidate();
    asked[0].resolve(seedSnapshot('ap-guangzhou'));
    await tick();
    assert.equal(changes, 0);
    lookup.snapshot(undefined);
    assert.equal(asked.length, 2);
  });

  it('locates an id in another region it already knows, without asking', async () => {
    const { client, asked } = fakeClient();
    const lookup = new AccountLookup(client, options());
    lookup.snapshot('ap-guangzhou');
    asked[0].resolve(seedSnapshot('ap-guangzhou'));
    await tick();
    assert.equal(lookup.locate('vpnGateways', 'vpngw-1w9tue3d', 'ap-shanghai'), 'ap-guangzhou');
  });
});
