/**
 * Authentication and routing as a client sees them, with requests signed by Tencent's own SDK (CommonClient)
 * or, for what the SDK cannot send, by a raw signed POST.
 */
import { strict as assert } from 'node:assert';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { failureOf, rawCall, sdkClient } from './helpers';

describe('emulator: authentication and routing', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ taskDelayMs: 10, stateDelayMs: 10 });
  });
  after(() => emulator.close());

  it('answers a request signed by the Tencent SDK, and records it as signed', async () => {
    const answer = await sdkClient(emulator).request('DescribeVpnGateways', { VpnGatewayIds: ['vpngw-1w9tue3d'] });
    assert.equal(answer.TotalCount, 1);
    assert.match(answer.RequestId, /^[0-9a-f-]{36}$/);
    const record = emulator.requests.find((request) => request.requestId === answer.RequestId);
    assert.deepEqual(
      [record?.action, record?.region, record?.signatureOk, record?.errorCode],
      ['DescribeVpnGateways', 'ap-guangzhou', true, undefined],
    );
  });

  it('answers AuthFailure.SignatureFailure for the right SecretId with a wrong key', async () => {
    const failure = await failureOf(
      sdkClient(emulator, { secretKey: 'not-the-key' }).request('DescribeVpnGateways', {}),
    );
    assert.equal(failure.code, 'AuthFailure.SignatureFailure');
  });

  it('answers AuthFailure.SecretIdNotFound for an unknown SecretId', async () => {
    const failure = await failureOf(
      sdkClient(emulator, { secretId: 'AKIDunknown' }).request('DescribeVpnGateways', {}),
    );
    assert.equal(failure.code, 'AuthFailure.SecretIdNotFound');
  });

  it('answers AuthFailure.SignatureExpire when the clocks differ by more than 300 s', async () => {
    const skewed = await startEmulator({ clockSkewSeconds: 301 });
    try {
      const failure = await failureOf(sdkClient(skewed).request('DescribeVpnGateways', {}));
      assert.equal(failure.code, 'AuthFailure.SignatureExpire');
    } finally {
      await skewed.close();
    }
  });

  it('refuses a signature made for the loopback endpoint (service "127", the SDK quirk)', async () => {
    const failure = await failureOf(
      sdkClient(emulator, { endpoint: `127.0.0.1:${emulator.port}` }).request('DescribeVpnGateways', {}),
    );
    assert.equal(failure.code, 'AuthFailure.SignatureFailure');
    assert.match(failure.message, /service "127"/);
  });

  it('refuses a body changed after signing, and a Host other than the one signed', async () => {
    const body = await rawCall(emulator, { tamper: (headers) => ({ headers, body: '{"Limit":1}' }) });
    assert.equal(body.Response.Error.Code, 'AuthFailure.SignatureFailure');
    const host = await rawCall(emulator, {
      tamper: (headers, text) => ({
        headers: { ...headers, host: 'vpc.ap-guangzhou.tencentcloudapi.com' },
        body: text,
      }),
    });
    assert.equal(host.Response.Error.Code, 'AuthFailure.SignatureFailure');
  });

  it('answers AuthFailure.InvalidAuthorization without an Authorization header', async () => {
    const answer = await rawCall(emulator, {
      tamper: ({ authorization: _dropped, ...headers }, body) => ({ headers, body }),
    });
    assert.equal(answer.Response.Error.Code, 'AuthFailure.InvalidAuthorization');
  });

  it('answers NoSuchVersion, InvalidAction, MissingParameter (no region) and UnsupportedRegion', async () => {
    assert.equal((await rawCall(emulator, { version: '2020-01-01' })).Response.Error.Code, 'NoSuchVersion');
    assert.equal((await rawCall(emulator, { action: 'RunInstances' })).Response.Error.Code, 'InvalidAction');
    assert.equal((await rawCall(emulator, { region: '' })).Response.Error.Code, 'MissingParameter');
    assert.equal((await rawCall(emulator, { region: 'mars-north-1' })).Response.Error.Code, 'UnsupportedRegion');
  });

  it('answers in the service shape: HTTP 200, Response.Error {Code, Message} and a RequestId', async () => {
    const answer = await rawCall(emulator, { action: 'DescribeVpcTaskResult', body: '{"TaskId":"no-such-task"}' });
    assert.deepEqual(Object.keys(answer.Response).sort(), ['Error', 'RequestId']);
    assert.equal(answer.Response.Error.Code, 'ResourceNotFound');
    assert.equal(typeof answer.Response.Error.Message, 'string');
  });

  it('writes messages in Chinese by default and in English for X-TC-Language en-US', async () => {
    const english = await failureOf(
      sdkClient(emulator, { language: 'en-US', secretKey: 'x' }).request('DescribeVpnGateways', {}),
    );
    const chinese = await failureOf(
      sdkClient(emulator, { language: 'zh-CN', secretKey: 'x' }).request('DescribeVpnGateways', {}),
    );
    assert.match(english.message, /^Invalid signature/);
    assert.match(chinese.message, /^签名错误/);
  });

  it('checks read actions against the spec: unknown and wrongly typed parameters', async () => {
    const client = sdkClient(emulator);
    assert.equal((await failureOf(client.request('DescribeVpnGateways', { Nope: 1 }))).code, 'UnknownParameter');
    assert.equal(
      (await failureOf(client.request('DescribeVpnGateways', { VpnGatewayIds: 'vpngw-1w9tue3d' }))).code,
      'InvalidParameter',
    );
    assert.equal((await failureOf(client.request('DescribeVpcTaskResult', {}))).code, 'MissingParameter');
  });
});
