/**
 * One submission as the history keeps it and the tree shows it. Records are plain JSON (they are persisted) and
 * never hold a secret: the stored response is masked before it gets here.
 */

/** Where a record stands: running until the task and the tunnel settle, then succeeded or failed. */
export type TaskStatus = 'running' | 'succeeded' | 'failed';

/**
 * What the poller does next for a running record:
 * - `verify`: the create's outcome is unknown (timeout, dropped connection, 5xx); look for the tunnel.
 * - `task`: poll DescribeVpcTaskResult with TaskId = the create's RequestId.
 * - `resolve`: the task succeeded but the id came back empty; find it with DescribeVpnConnections.
 * - `tunnel`: follow the tunnel's State from PENDING to AVAILABLE.
 * - `done`: nothing left to poll.
 */
export type TaskPhase = 'verify' | 'task' | 'resolve' | 'tunnel' | 'done';

/** An error as a record keeps it: the API's code (or a client kind) and its message. */
export interface RecordedError {
  code?: string;
  message: string;
  kind?: string;
  requestId?: string;
}

export interface TaskRecord {
  /** Local id, unique per submission. */
  id: string;
  /** VpnConnectionName from the document. */
  name: string;
  region: string;
  action: string;
  /** The source file's URI (extension) or absolute path (CLI). */
  source: string;
  /** Index of the document in a YAML stream (0 for JSON). */
  documentIndex: number;
  vpnGatewayId?: string;
  customerGatewayId?: string;
  vpcId?: string;
  /** Ids of matching tunnels that existed before the create, so a lookup never adopts one of them. */
  preexistingIds?: string[];
  createdAt: number;
  updatedAt: number;
  finishedAt?: number;
  requestId?: string;
  taskId?: string;
  vpnConnectionId?: string;
  status: TaskStatus;
  phase: TaskPhase;
  /** DescribeVpcTaskResult Status: RUNNING, SUCCESS or FAILED. */
  taskStatus?: string;
  /** DescribeVpcTaskResult Output (the failure text when FAILED). */
  output?: string;
  /** VpnConnection State: PENDING, AVAILABLE, DELETING. */
  tunnelState?: string;
  error?: RecordedError;
  /** Masked responses of the create and the last describe calls, for "show full response". */
  responses?: Record<string, unknown>;
  /** How many polls in a row failed with a transient error (drives the backoff). */
  transientFailures?: number;
  /** The last transient polling error, cleared by the next successful poll (the record keeps running). */
  pollError?: RecordedError;
  /** How many lookups (phases verify and resolve) found nothing so far. */
  lookups?: number;
}

/** True once a record will not change any more. */
export function isFinished(record: TaskRecord): boolean {
  return record.status !== 'running';
}
