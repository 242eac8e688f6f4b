/**
 * The control endpoints are for the emulator's owner only: a loopback Host naming its port (DNS rebinding), no
 * foreign Origin (a web page's cross-origin POST), the run's token, and a JSON content type on POSTs. And what
 * they show never holds a full SecretId.
 */
import { strict as assert } from 'node:assert';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { controlCall, failureOf, parseRawAnswer, rawExchange, sdkClient } from './helpers';

describe('emulator: control endpoints', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ taskDelayMs: 60_000 });
  });
  beforeEach(() => emulator.reset());
  after(() => emulator.close());

  describe('Host', () => {
    for (const host of ['127.0.0.1:PORT', 'localhost:PORT', 'LOCALHOST:PORT', '[::1]:PORT']) {
      it(`accepts Host ${host}`, async () => {
        const answer = await controlCall(emulator, {
          path: 'state',
          headers: { host: host.replace('PORT', String(emulator.port)) },
        });
        assert.equal(answer.status, 200);
      });
    }

    for (const host of ['evil.example:PORT', '127.0.0.1', '127.0.0.1:1', 'localhost.evil.example:PORT']) {
      it(`refuses Host "${host}" with 403 JSON before looking at the token`, async () => {
        const answer = await controlCall(emulator, {
          method: 'POST',
          path: 'reset',
          headers: { host: host.replace('PORT', String(emulator.port)), authorization: undefined },
        });
        assert.equal(answer.status, 403);
        assert.match(answer.body.error, /loopback Host/);
      });
    }

    it('refuses a request without a Host header with 403 JSON', async () => {
      const answer = await rawExchange(
        emulator.port,
        `GET /__emulator/state HTTP/1.1\r\nAuthorization: Bearer ${emulator.controlToken}\r\nConnection: close\r\n\r\n`,
      );
      const { status, body } = parseRawAnswer(answer);
      assert.equal(status, 403);
      assert.match(body.error, /loopback Host/);
    });

    it('does not act on a refused request', async () => {
      emulator.faults.inject({ kind: 'throttle', times: 3 });
      const answer = await controlCall(emulator, {
        method: 'DELETE',
        path: 'faults',
        headers: { host: `rebound.example:${emulator.port}` },
      });
      assert.equal(answer.status, 403);
      assert.equal(emulator.faults.list().length, 1);
    });
  });

  describe('Origin', () => {
    it('refuses a cross-origin request, as a browser sends it, with 403', async () => {
      for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${emulator.port + 1}`]) {
        const answer = await controlCall(emulator, { method: 'POST', path: 'reset', headers: { origin } });
        assert.equal(answer.status, 403, origin);
        assert.match(answer.body.error, /cross-origin/);
      }
    });

    it("accepts the emulator's own loopback origin", async () => {
      const answer = await controlCall(emulator, {
        path: 'state',
        headers: { origin: `http://localhost:${emulator.port}` },
      });
      assert.equal(answer.status, 200);
    });
  });

  describe('token', () => {
    it('is random per run and at least 128 bits', async () => {
      const other = await startEmulator();
      try {
        assert.notEqual(other.controlToken, emulator.controlToken);
        assert.ok(emulator.controlToken.length >= 22);
      } finally {
        await other.close();
      }
    });

    it('answers 401 JSON without a token or with a wrong one, on every endpoint', async () => {
      const calls = [
        ['GET', 'state'],
        ['GET', 'faults'],
        ['POST', 'faults'],
        ['DELETE', 'faults'],
        ['POST', 'reset'],
        ['GET', 'nowhere'],
      ];
      for (const [method, path] of calls) {
        for (const headers of [
          { authorization: undefined },
          { authorization: 'Bearer wrong-token-wrong-token' },
          { authorization: `Basic ${emulator.controlToken}` },
          { authorization: undefined, 'x-emulator-token': `${emulator.controlToken}x` },
        ]) {
          const answer = await controlCall(emulator, { method, path, headers, body: { kind: 'drop' } });
          assert.equal(answer.status, 401, `${method} ${path} ${JSON.stringify(headers)}`);
          assert.equal(answer.headers['content-type'], 'application/json');
          assert.match(answer.headers['www-authenticate'] ?? '', /^Bearer/);
          assert.match(answer.body.error, /token/);
        }
      }
      assert.deepEqual(emulator.faults.list(), []);
    });

    it('accepts it as Authorization: Bearer or as X-Emulator-Token', async () => {
      const bearer = await controlCall(emulator, { path: 'faults' });
      const header = await controlCall(emulator, {
        path: 'faults',
        headers: { authorization: undefined, 'x-emulator-token': emulator.controlToken },
      });
      assert.deepEqual([bearer.status, header.status], [200, 200]);
    });

    it('takes a token given in the options, and refuses a weak one', async () => {
      const controlToken = 'given-token-0123456789';
      const given = await startEmulator({ controlToken });
      try {
        assert.equal(given.controlToken, controlToken);
        const answer = await controlCall(given, {
          path: 'state',
          headers: { authorization: `Bearer ${controlToken}` },
        });
        assert.equal(answer.status, 200);
      } finally {
        await given.close();
      }
      await assert.rejects(startEmulator({ controlToken: 'short' }), TypeError);
    });
  });

  describe('content type and body', () => {
    it('refuses a POST that is not application/json with 415 (a form or text/plain POST a page can send)', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
        const answer = await controlCall(emulator, {
          method: 'POST',
          path: 'faults',
          headers: { 'content-type': type },
          body: { kind: 'drop' },
        });
        assert.equal(answer.status, 415, String(type));
      }
      assert.deepEqual(emulator.faults.list(), []);
      const json = await controlCall(emulator, {
        method: 'POST',
        path: 'reset',
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
      assert.equal(json.status, 200);
    });

    it('answers 400 JSON for a body that is not JSON, and 413 for one over 64 KiB', async () => {
      const bad = await controlCall(emulator, { method: 'POST', path: 'faults', body: '{"kind":' });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error, /not valid JSON/);
      const huge = await controlCall(emulator, { method: 'POST', path: 'faults', body: 'x'.repeat(70_000) });
      assert.equal(huge.status, 413);
    });

    it('injects all of an array of faults or none, at most 100 at a time', async () => {
      const mixed = await controlCall(emulator, {
        method: 'POST',
        path: 'faults',
        body: [{ kind: 'drop' }, { kind: 'latency', ms: 2 ** 31 }],
      });
      assert.equal(mixed.status, 400);
      assert.deepEqual(emulator.faults.list(), []);
      const many = await controlCall(emulator, {
        method: 'POST',
        path: 'faults',
        body: Array.from({ length: 101 }, () => ({ kind: 'drop' })),
      });
      assert.equal(many.status, 400);
    });
  });

  describe('no full SecretId', () => {
    it('shows the SecretId of each request masked in GET /__emulator/state and in emulator.requests', async () => {
      const { secretId } = emulator.credentials[0];
      await sdkClient(emulator).request('DescribeVpnGateways', {});
      const unknownId = 'AKIDnotKnownHere0000000000000000real';
      await failureOf(sdkClient(emulator, { secretId: unknownId }).request('DescribeVpnGateways', {}));
      const state = await controlCall(emulator, { path: 'state' });
      const text = JSON.stringify(state.body);
      assert.ok(!text.includes(secretId), 'the state holds the full SecretId');
      assert.ok(!text.includes(unknownId), 'the state holds the full unknown SecretId');
      assert.deepEqual(
        state.body.requests.map((request: { secretId: string }) => request.secretId),
        [`${secretId.slice(0, 4)}****${secretId.slice(-4)}`, 'AKID****real'],
      );
      assert.ok(!JSON.stringify(emulator.requests).includes(secretId));
    });

    it('does not echo an unknown SecretId in full in the AuthFailure message', async () => {
      const unknownId = 'AKIDnotKnownHere0000000000000000real';
      const failure = await failureOf(sdkClient(emulator, { secretId: unknownId }).request('DescribeVpnGateways', {}));
      assert.equal(failure.code, 'AuthFailure.SecretIdNotFound');
      assert.ok(!failure.message.includes(unknownId));
    });
  });
});
