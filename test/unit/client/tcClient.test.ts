/**
 * The VPC client against the emulator: signed as service vpc with Host vpc.tencentcloudapi.com while dialling
 * loopback, every error shape of the SDK mapped to one ApiError, and a stray lower-case http_proxy never used.
 */
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import type { RunningEmulator } from '../../../emulator';
import { ApiError, toApiError } from '../../../cloud/apiError';
import { resolveEndpoint } from '../../../cloud/endpoint';
import { MemoryLog } from '../../../cloud/log';
import { emulatorClient, fastEmulator } from './helpers';

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => assert.fail('expected a failure'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof ApiError, String(error));
  return error;
}

describe('VPC client', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await fastEmulator();
  });
  after(async () => emulator.close());
  beforeEach(() => emulator.reset());

  it('signs for service vpc and Host vpc.tencentcloudapi.com while dialling the emulator', async () => {
    const response = await emulatorClient(emulator).request<{ VpnGatewaySet: unknown[] }>('DescribeVpnGateways', {});
    assert.ok(response.VpnGatewaySet.length > 0);
    assert.equal(emulator.requests[0].signatureOk, true);
  });

  it('maps an API error to kind api with code and RequestId', async () => {
    const error = await failureOf(
      emulatorClient(emulator).request('DescribeVpnConnections', {
        VpnConnectionIds: ['vpnx-1'],
        Filters: [{ Name: 'vpc-id', Values: ['v'] }],
      }),
    );
    assert.equal(error.kind, 'api');
    assert.match(error.code ?? '', /^InvalidParameter/);
    assert.match(error.requestId ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(error.ambiguous, false);
  });

  it('maps HTTP 5xx, non-JSON, a body without Response, a dropped connection and a timeout', async () => {
    const client = emulatorClient(emulator, new MemoryLog(), { timeoutSeconds: 0.2, throttleRetries: 0 });
    emulator.faults.inject({ kind: 'http5xx', status: 502 });
    assert.deepEqual(pick(await failureOf(client.request('DescribeVpnGateways', {}))), {
      kind: 'http',
      code: undefined,
      httpStatus: 502,
      retryable: true,
      ambiguous: true,
    });
    emulator.faults.inject({ kind: 'nonJson' });
    assert.deepEqual(pick(await failureOf(client.request('DescribeVpnGateways', {}))), {
      kind: 'protocol',
      code: 'InvalidJson',
      httpStatus: undefined,
      retryable: true,
      ambiguous: true,
    });
    emulator.faults.inject({ kind: 'noResponseKey' });
    assert.deepEqual(pick(await failureOf(client.request('DescribeVpnGateways', {}))), {
      kind: 'protocol',
      code: 'MissingResponse',
      httpStatus: undefined,
      retryable: true,
      ambiguous: true,
    });
    emulator.faults.inject({ kind: 'drop' });
    const dropped = await failureOf(client.request('DescribeVpnGateways', {}));
    assert.equal(dropped.kind, 'network');
    assert.equal(dropped.ambiguous, true);
    emulator.faults.inject({ kind: 'latency', ms: 1000 });
    assert.deepEqual(pick(await failureOf(client.request('DescribeVpnGateways', {}))), {
      kind: 'timeout',
      code: 'Timeout',
      httpStatus: undefined,
      retryable: true,
      ambiguous: true,
    });
  });

  it('maps a refused connection as network, not ambiguous (nothing was sent)', async () => {
    const closed = await fastEmulator();
    const url = closed.url;
    await closed.close();
    const error = await failureOf(
      emulatorClient(emulator, new MemoryLog(), { endpoint: url }).request('DescribeVpnGateways', {}),
    );
    assert.deepEqual(pick(error), {
      kind: 'network',
      code: 'ECONNREFUSED',
      httpStatus: undefined,
      retryable: true,
      ambiguous: false,
    });
  });

  it('retries throttled reads with backoff but never a throttled create', async () => {
    emulator.faults.inject({ kind: 'throttle', action: 'DescribeVpnGateways', times: 2 });
    await emulatorClient(emulator).request('DescribeVpnGateways', {});
    assert.equal(emulator.requests.length, 3);
    emulator.faults.inject({ kind: 'throttle', action: 'CreateVpnConnection' });
    const error = await failureOf(emulatorClient(emulator).request('CreateVpnConnection', {}));
    assert.equal(error.throttled, true);
    assert.equal(emulator.requests.filter((request) => request.action === 'CreateVpnConnection').length, 1);
  });

  describe('with a stray lower-case http_proxy', () => {
    let proxy: net.Server;
    let proxyConnections = 0;
    const sockets: net.Socket[] = [];
    let saved: string | undefined;
    before(async () => {
      proxy = net.createServer((socket) => {
        proxyConnections++;
        sockets.push(socket);
        socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      saved = process.env.http_proxy;
      process.env.http_proxy = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
    });
    after(async () => {
      if (saved === undefined) delete process.env.http_proxy;
      else process.env.http_proxy = saved;
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => proxy.close(resolve));
    });

    it('the bare SDK would send through it (the trap this guards against)', async () => {
      const sdk = new CommonClient('127.0.0.1:1', '2017-03-12', {
        credential: emulator.credentials[0],
        region: 'ap-guangzhou',
        profile: { httpProfile: { protocol: 'http://', reqTimeout: 2 } },
      });
      await sdk.request('DescribeVpnGateways', {}).catch(() => undefined);
      assert.equal(proxyConnections, 1);
    });

    it('our client always sets its own agent and goes straight to the endpoint', async () => {
      const before = proxyConnections;
      await emulatorClient(emulator).request('DescribeVpnGateways', {});
      assert.equal(proxyConnections, before);
    });
  });

  it('maps anything else thrown to an ApiError', () => {
    assert.equal(toApiError(new Error('request to https://x failed, reason: socket hang up')).code, 'ECONNRESET');
    assert.equal(toApiError('weird').kind, 'network');
  });
});

describe('endpoint setting', () => {
  it('keeps the default host, uses regional hosts for -fsi regions, and accepts regional hosts', () => {
    assert.equal(resolveEndpoint('', 'ap-guangzhou').host, 'vpc.tencentcloudapi.com');
    assert.equal(
      resolveEndpoint('vpc.tencentcloudapi.com', 'ap-shanghai-fsi').host,
      'vpc.ap-shanghai-fsi.tencentcloudapi.com',
    );
    assert.equal(
      resolveEndpoint('https://vpc.ap-guangzhou.tencentcloudapi.com/', 'ap-guangzhou').host,
      'vpc.ap-guangzhou.tencentcloudapi.com',
    );
    assert.equal(resolveEndpoint('vpc.ap-guangzhou.tencentcloudapi.com', 'ap-guangzhou').protocol, 'https://');
  });

  it('signs loopback URLs as vpc.tencentcloudapi.com over http with an explicit agent', () => {
    const endpoint = resolveEndpoint('http://127.0.0.1:9000', 'ap-guangzhou');
    assert.deepEqual(
      [endpoint.host, endpoint.protocol, endpoint.display],
      ['vpc.tencentcloudapi.com', 'http://', 'vpc.tencentcloudapi.com via http://127.0.0.1:9000'],
    );
    assert.ok(endpoint.agent);
  });

  it('refuses plain http to anything but loopback, and hosts that are not the VPC API', () => {
    assert.throws(
      () => resolveEndpoint('http://vpc.tencentcloudapi.com', 'ap-guangzhou'),
      /Only http:\/\/127\.0\.0\.1:PORT/,
    );
    assert.throws(() => resolveEndpoint('cvm.tencentcloudapi.com', 'ap-guangzhou'), /must be a VPC API host/);
    assert.throws(() => resolveEndpoint('ftp://x', 'ap-guangzhou'), /Unsupported endpoint/);
  });
});

function pick(error: ApiError): Record<string, unknown> {
  return {
    kind: error.kind,
    code: error.code,
    httpStatus: error.httpStatus,
    retryable: error.retryable,
    ambiguous: error.ambiguous,
  };
}
