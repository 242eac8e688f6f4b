/**
 * The emulator's public types: its options, its seed file's shape, and what a running emulator exposes.
 * Other engineers code against these (the client's tests, the benchmark, the demo), so they change only by
 * adding fields.
 */
import type { EventEmitter } from 'node:events';
import type { EmulatorClock } from './clock';
import type { FaultController } from './faults';

export type { EmulatorClock } from './clock';

/** One API key pair the emulator accepts. The default seed's pair is public and fake. */
export interface EmulatorCredential {
  secretId: string;
  secretKey: string;
}

/** A resource as the API returns it (PascalCase fields), plus the region it lives in. */
export type Regional<T = Record<string, unknown>> = T & { Region: string };

/**
 * The seed file (emulator/seed.json is the default). Resource objects use the API's own field names
 * (DescribeVpnGateways' VpnGateway, DescribeCustomerGateways' CustomerGateway, DescribeVpcs' Vpc and
 * DescribeVpnConnections' VpnConnection) with one extra field, `Region`.
 */
export interface EmulatorSeed {
  credentials: EmulatorCredential[];
  vpcs: Regional[];
  vpnGateways: Regional[];
  customerGateways: Regional[];
  /** Tunnels that already exist when the emulator starts (State AVAILABLE unless given). */
  vpnConnections?: Regional[];
  /** Reproduces terraform's observation that CreateVpnConnection may answer VpnConnectionId "". */
  emptyConnectionId?: boolean;
}

/** Options of {@link startEmulator}; every field is optional. */
export interface EmulatorOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** The seed as an object; wins over seedFile. */
  seed?: EmulatorSeed;
  /** A seed file in the format of emulator/seed.json. */
  seedFile?: string;
  /** Delay of an async task from RUNNING to SUCCESS or FAILED (ms, default 1500). */
  taskDelayMs?: number;
  /** Delay of a created tunnel from PENDING to AVAILABLE once its task succeeded (ms, default 1000). */
  stateDelayMs?: number;
  /** Shifts the emulator's clock, so a correct client sees AuthFailure.SignatureExpire (seconds, default 0). */
  clockSkewSeconds?: number;
  /**
   * The clock every delay runs on: injected latency, task durations, PENDING -> AVAILABLE, the rate limit's
   * window, and the times stamped on tasks, tunnels and requests (default: the real one). Tests pass a scaled
   * clock (emulator/clock.ts `scaledClock`). The TC3 signature's window always uses the real time.
   */
  clock?: EmulatorClock;
  /**
   * The token every /__emulator/* control request must carry (`Authorization: Bearer <token>` or
   * `X-Emulator-Token`): at least 16 visible ASCII characters. Default: a random one per start.
   */
  controlToken?: string;
  /** Overrides the seed's emptyConnectionId flag. */
  emptyConnectionId?: boolean;
  /** CreateVpnConnection requests per second and SecretId before RequestLimitExceeded (default 100). */
  createRateLimitPerSecond?: number;
  /** Receives one line per request and per state change; secrets are never in it (SecretIds are masked). */
  log?: (line: string) => void;
}

/** What the emulator recorded about one API request (control endpoints are not recorded). */
export interface ReceivedRequest {
  requestId: string;
  action: string;
  region: string;
  /** ISO time at which the request arrived (emulator clock, skew included). */
  time: string;
  /** The SecretId named in the Authorization header, if it could be parsed, masked (AKID****0000). */
  secretId?: string;
  /** True when the TC3 signature verified. */
  signatureOk: boolean;
  /** The API error code answered, if any. */
  errorCode?: string;
  /** The injected fault that shaped the answer, if any. */
  fault?: string;
  /** The top-level parameter names of the request body, once parsed (names only: values may be secrets). */
  paramKeys?: string[];
}

/** A running emulator; `close()` stops the server, its timers and its sockets. */
export interface RunningEmulator {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  credentials: EmulatorCredential[];
  /**
   * The token of this run's control endpoints: send it as `Authorization: Bearer <token>` or `X-Emulator-Token`
   * with every /__emulator/* request (which must also name a loopback Host and no foreign Origin).
   */
  controlToken: string;
  faults: FaultController;
  /** Every API request so far, oldest first (cleared by a reset). */
  requests: ReceivedRequest[];
  /**
   * Events for tests that wait instead of sleeping: 'request' (ReceivedRequest), 'task' (task snapshot after a
   * status change) and 'connection' ({ VpnConnectionId, State } after a state change; State "DELETED" when gone).
   */
  events: EventEmitter;
  /** Restores the seed, forgets tasks, requests and faults. */
  reset(): void;
  /**
   * Stops listening and drops open connections while the account and its running tasks live on: a service
   * outage as a client sees it (ECONNREFUSED). resume() listens again on the same port.
   */
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

/** Status of an async task, as DescribeVpcTaskResult reports it. */
export type TaskStatus = 'RUNNING' | 'SUCCESS' | 'FAILED';

/** An async task of CreateVpnConnection or DeleteVpnConnection, keyed by that request's RequestId. */
export interface TaskRecord {
  TaskId: string;
  Action: string;
  Region: string;
  ResourceId: string;
  Status: TaskStatus;
  Output: string;
  CreatedTime: string;
}
