/**
 * Every refusal of an API request is in the service's shape (HTTP 200, Response.Error {Code, Message} and a
 * RequestId), also those node's HTTP parser makes before a request exists: oversized headers (node alone answers
 * a bare 431), malformed HTTP, and a request without Host; and the pipeline's: an oversized body, bad JSON, a
 * wrong content type or method.
 */
import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { ENDPOINT, parseRawAnswer, rawCall, rawExchange } from './helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Asserts `answer` is a Tencent-shaped error with `code`. */
function assertTencentError(body: any, code: string): void {
  assert.deepEqual(Object.keys(body), ['Response']);
  assert.equal(body.Response.Error.Code, code);
  assert.equal(typeof body.Response.Error.Message, 'string');
  assert.ok(body.Response.Error.Message.length > 0);
  assert.match(body.Response.RequestId, UUID);
}

/** A POST to / with these headers and body; resolves with the HTTP status and parsed JSON. */
function post(
  emulator: RunningEmulator,
  headers: Record<string, string>,
  body: string | Buffer,
  method = 'POST',
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: emulator.port, method, path: '/', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('emulator: refusals in the service shape', () => {
  let emulator: RunningEmulator;
  const lines: string[] = [];
  before(async () => {
    emulator = await startEmulator({ log: (line) => lines.push(line) });
  });
  after(() => emulator.close());

  it('answers oversized headers (node: 431) with HTTP 200 RequestSizeLimitExceeded JSON', async () => {
    const request = [
      'POST / HTTP/1.1',
      `Host: ${ENDPOINT}`,
      'Content-Type: application/json',
      'X-TC-Language: en-US',
      `Authorization: TC3-HMAC-SHA256 Credential=${'A'.repeat(40_000)}`,
      'Content-Length: 2',
      '',
      '{}',
    ].join('\r\n');
    const { status, body } = parseRawAnswer(await rawExchange(emulator.port, request));
    assert.equal(status, 200);
    assertTencentError(body, 'RequestSizeLimitExceeded');
    assert.match(body.Response.Error.Message, /request size exceeds/i);
    assert.ok(lines.some((line) => /HPE_HEADER_OVERFLOW/.test(line)));
  });

  it('answers an oversized header of a signed request the client sends the same way', async () => {
    const answer = await rawCall(emulator, {
      tamper: (headers, body) => ({
        headers: { ...headers, authorization: `${headers.authorization}${'x'.repeat(20_000)}` },
        body,
      }),
    });
    assertTencentError(answer, 'RequestSizeLimitExceeded');
  });

  it('answers malformed HTTP with UnsupportedProtocol JSON', async () => {
    const { status, body } = parseRawAnswer(await rawExchange(emulator.port, 'NOT HTTP AT ALL\r\n\r\n'));
    assert.equal(status, 200);
    assertTencentError(body, 'UnsupportedProtocol');
  });

  it('answers a body over 10 MB with RequestSizeLimitExceeded', async () => {
    const answer = await post(
      emulator,
      { host: ENDPOINT, 'content-type': 'application/json', 'x-tc-language': 'en-US' },
      Buffer.alloc(10 * 1024 * 1024 + 1, 0x20),
    );
    assert.equal(answer.status, 200);
    assertTencentError(answer.body, 'RequestSizeLimitExceeded');
  });

  it('answers a signed request whose body is not JSON, or not an object, with InvalidParameter', async () => {
    for (const body of ['{"VpnGatewayIds":', '[1,2]']) {
      const answer = await rawCall(emulator, { body });
      assertTencentError(answer, 'InvalidParameter');
    }
  });

  it('answers a signed request with another content type with InvalidParameter', async () => {
    const answer = await rawCall(emulator, {
      tamper: (headers, body) => ({ headers: { ...headers, 'content-type': 'text/plain' }, body }),
    });
    // The content type is signed, so changing it fails the signature first, as at the service.
    assertTencentError(answer, 'AuthFailure.SignatureFailure');
    const signed = await rawCall(emulator, { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assertTencentError(signed, 'InvalidParameter');
  });

  it('answers another method than GET or POST with UnsupportedProtocol', async () => {
    for (const method of ['PUT', 'DELETE', 'OPTIONS']) {
      const answer = await post(emulator, { host: ENDPOINT, 'content-type': 'application/json' }, '{}', method);
      assert.equal(answer.status, 200, method);
      assertTencentError(answer.body, 'UnsupportedProtocol');
    }
  });

  it("answers an API request without Host in the service shape, not with node's bare 400", async () => {
    const request =
      'POST / HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}';
    const { status, body } = parseRawAnswer(await rawExchange(emulator.port, request));
    assert.equal(status, 200);
    assertTencentError(body, 'AuthFailure.InvalidAuthorization');
  });
});
