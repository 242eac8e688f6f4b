/**
 * The VPC API client: Tencent's own CommonClient (its TC3 signer) for service `vpc`, version 2017-03-12, with
 * the endpoint resolved once (see endpoint.ts), every error mapped to ApiError, every request and response logged
 * masked, and throttled read-only calls retried with backoff. A create is never retried here: submit.ts decides.
 */
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { ApiError, toApiError } from './apiError';
import { backoffDelay, BackoffOptions, CancelledError, DEFAULT_BACKOFF, sleep } from './backoff';
import type { Credentials } from './credentials';
import { resolveEndpoint, ResolvedEndpoint } from './endpoint';
import { LogSink, SILENT_LOG } from './log';
import { deepMask, SecretRedactor } from './mask';

export const API_VERSION = '2017-03-12';
export type RequestLanguage = 'zh-CN' | 'en-US';

/** Actions that change nothing, so a throttled or failed call can simply be sent again. */
const READ_ONLY_ACTIONS = new Set([
  'DescribeVpcTaskResult',
  'DescribeVpnConnections',
  'DescribeVpnGateways',
  'DescribeCustomerGateways',
  'DescribeVpcs',
]);

export interface VpcClientOptions {
  credentials: Pick<Credentials, 'secretId' | 'secretKey' | 'token'>;
  region: string;
  /** Endpoint setting: a host, https://host, or http://127.0.0.1:PORT; default vpc.tencentcloudapi.com. */
  endpoint?: string;
  language?: RequestLanguage;
  /** Request timeout in seconds (fractions allowed), default 60. */
  timeoutSeconds?: number;
  /** Told when the service refused this client's credentials (the factory then builds the next client afresh). */
  onAuthFailure?: () => void;
  log?: LogSink;
  /** How often a throttled read-only call is retried (default 4). */
  throttleRetries?: number;
  backoff?: BackoffOptions;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/** A VPC API client bound to one region, endpoint and key pair. */
export class VpcClient {
  readonly endpoint: ResolvedEndpoint;
  readonly region: string;
  /** The backoff this client uses between retries (callers retrying reads use it too). */
  readonly backoff: BackoffOptions;
  private readonly sdk: CommonClient;
  private readonly log: LogSink;
  private readonly redactor = new SecretRedactor();

  constructor(private readonly options: VpcClientOptions) {
    this.region = options.region;
    this.endpoint = resolveEndpoint(options.endpoint, options.region);
    this.log = options.log ?? SILENT_LOG;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    const { secretId, secretKey, token } = options.credentials;
    this.redactor.add(secretKey, token);
    this.sdk = new CommonClient(this.endpoint.host, API_VERSION, {
      credential: { secretId, secretKey, token },
      region: options.region,
      profile: {
        signMethod: 'TC3-HMAC-SHA256',
        language: options.language ?? 'zh-CN',
        httpProfile: {
          endpoint: this.endpoint.host,
          protocol: this.endpoint.protocol,
          reqMethod: 'POST',
          reqTimeout: options.timeoutSeconds ?? 60,
          agent: this.endpoint.agent,
        },
      },
    });
  }

  /** Calls an action; resolves to the `Response` object (RequestId included) or throws ApiError. */
  async request<T = Record<string, unknown>>(action: string, params: object, options: RequestOptions = {}): Promise<T> {
    const retries = READ_ONLY_ACTIONS.has(action) ? (this.options.throttleRetries ?? 4) : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.send<T>(action, params, options.signal);
      } catch (error) {
        if (!(error instanceof ApiError) || !error.throttled || attempt >= retries) throw error;
        const delay = backoffDelay(attempt, this.backoff);
        this.write(`${action}: throttled (${error.code}); retry ${attempt + 1}/${retries} in ${delay} ms`);
        await sleep(delay, options.signal);
      }
    }
  }

  /** Stops keep-alive sockets (the CLI calls this so the process can exit at once). */
  dispose(): void {
    this.endpoint.agent.destroy();
  }

  private async send<T>(action: string, params: object, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw new CancelledError();
    const started = Date.now();
    this.write(`→ ${action} ${this.region} ${this.endpoint.display} ${JSON.stringify(deepMask(params))}`);
    try {
      const response = (await this.sdk.request(action, params, { signal: signal as never })) as T;
      this.write(`← ${action} ${Date.now() - started} ms ${JSON.stringify(deepMask(response))}`);
      return response;
    } catch (thrown) {
      if (signal?.aborted) throw new CancelledError();
      const error = toApiError(thrown);
      if (error.authFailure) this.options.onAuthFailure?.();
      const requestId = error.requestId ? ` RequestId=${error.requestId}` : '';
      this.write(`✗ ${action} ${Date.now() - started} ms [${error.kind}] ${error.describe()}${requestId}`);
      throw error;
    }
  }

  private write(line: string): void {
    this.log.info(this.redactor.redact(line));
  }
}
