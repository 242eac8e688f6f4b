/**
 * One error type for everything a VPC API call can throw. The SDK surfaces failures in six shapes (schemas/source/NOTES.md §5):
 * an exception with `code`/`requestId` (API error), one with `httpCode` (non-200), one whose message says
 * "network timeout", one whose message says "request to … failed" (refused, reset, aborted), a raw node-fetch
 * FetchError for a non-JSON body, and a raw TypeError when the JSON has no `Response`. `toApiError` maps them all.
 * `errorKindOf` is the one classifier of anything a submit or a poll can throw: callers switch on its `ErrorKind`,
 * never on an error's name or message.
 */
import { CancelledError } from './backoff';
import { CredentialsError } from './credentials';
import { EndpointError } from './endpoint';
import { RegionError } from './region';

/**
 * Every kind of failure the cloud client tells apart:
 * - `api`: the service answered with an error code;
 * - `http`: a non-200 status without an API answer;
 * - `network`: refused, reset, aborted or unresolved;
 * - `timeout`: no answer within the request timeout;
 * - `protocol`: an answer that is not the API's JSON;
 * - `credentials`: no usable key pair (CredentialsError);
 * - `endpoint`: an endpoint setting the client refuses (EndpointError);
 * - `region`: a malformed or contradictory region (RegionError);
 * - `cancelled`: the caller aborted (CancelledError).
 */
export const ERROR_KINDS = [
  'api',
  'http',
  'network',
  'timeout',
  'protocol',
  'credentials',
  'endpoint',
  'region',
  'cancelled',
] as const;

/** One of ERROR_KINDS. */
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** The kinds of a failed request (ApiError). */
export type ApiErrorKind = Extract<ErrorKind, 'api' | 'http' | 'network' | 'timeout' | 'protocol'>;

/** The kinds that come from the set-up, not from a request: only the user can fix them, so nothing is sent. */
export type SetupErrorKind = Extract<ErrorKind, 'credentials' | 'endpoint' | 'region'>;

const SETUP_KINDS: readonly ErrorKind[] = ['credentials', 'endpoint', 'region'];

/** Error codes safe to retry for a read-only action (common-errors.json `retryable`). */
const RETRYABLE_PREFIXES = ['RequestLimitExceeded', 'InternalError', 'ServiceUnavailable'];
/** Network failures where the request certainly never reached the service. */
const UNSENT_REASONS = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];

/** A failed VPC API call, whatever shape the SDK gave it. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  /** The API's error code (dotted), or a client code such as ECONNRESET / Timeout / InvalidJson. */
  readonly code?: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  /** True when the same request may simply be sent again (for a read-only action). */
  readonly retryable: boolean;
  /** True when the service may have acted on the request although the call failed (e.g. a create timed out). */
  readonly ambiguous: boolean;

  constructor(fields: {
    kind: ApiErrorKind;
    message: string;
    code?: string;
    requestId?: string;
    httpStatus?: number;
    retryable: boolean;
    ambiguous: boolean;
  }) {
    super(fields.message);
    this.name = 'ApiError';
    this.kind = fields.kind;
    this.code = fields.code;
    this.requestId = fields.requestId || undefined;
    this.httpStatus = fields.httpStatus;
    this.retryable = fields.retryable;
    this.ambiguous = fields.ambiguous;
  }

  /** True for RequestLimitExceeded and its sub-codes. */
  get throttled(): boolean {
    return this.kind === 'api' && (this.code ?? '').startsWith('RequestLimitExceeded');
  }
  /** True when the service refused the credentials (a wrong or rotated key, an unknown SecretId, an expired token). */
  get authFailure(): boolean {
    return this.kind === 'api' && (this.code ?? '').startsWith('AuthFailure');
  }
  /** True when the service does not know the resource (ResourceNotFound and its sub-codes). */
  get notFound(): boolean {
    return this.kind === 'api' && (this.code ?? '').startsWith('ResourceNotFound');
  }

  /** "Code: message" as the tree and the CLI show it. */
  describe(): string {
    const code = this.code ?? (this.httpStatus ? `HTTP ${this.httpStatus}` : this.kind);
    return `${code}: ${this.message}`;
  }
}

type SdkLikeError = Error & { code?: unknown; requestId?: unknown; httpCode?: unknown; type?: unknown };

function fromApiResponse(error: SdkLikeError): ApiError {
  const code = String(error.code);
  const retryable = RETRYABLE_PREFIXES.some((prefix) => code.startsWith(prefix));
  // An InternalError may hide a half-done create, so it is treated as ambiguous; a throttled call never ran.
  const ambiguous = code.startsWith('InternalError') || code.startsWith('ServiceUnavailable');
  return new ApiError({
    kind: 'api',
    code,
    message: error.message,
    requestId: String(error.requestId ?? ''),
    retryable,
    ambiguous,
  });
}

function fromHttpStatus(error: SdkLikeError): ApiError {
  const status = Number(error.httpCode);
  const serverSide = status >= 500;
  const message = error.message || `HTTP ${status}`;
  return new ApiError({
    kind: 'http',
    message,
    httpStatus: status,
    retryable: serverSide || status === 429,
    ambiguous: serverSide,
  });
}

function fromNetworkMessage(message: string): ApiError {
  if (/network timeout at/i.test(message)) {
    return new ApiError({ kind: 'timeout', code: 'Timeout', message, retryable: true, ambiguous: true });
  }
  if (/user aborted/i.test(message)) {
    return new ApiError({ kind: 'network', code: 'Aborted', message, retryable: false, ambiguous: true });
  }
  const reason = /\b(E[A-Z_]{3,})\b/.exec(message)?.[1] ?? (/socket hang up/i.test(message) ? 'ECONNRESET' : undefined);
  const unsent = reason !== undefined && UNSENT_REASONS.includes(reason);
  return new ApiError({ kind: 'network', code: reason, message, retryable: true, ambiguous: !unsent });
}

/** Maps anything the SDK (or node-fetch under it) threw to an ApiError. */
export function toApiError(thrown: unknown): ApiError {
  if (thrown instanceof ApiError) return thrown;
  // node-fetch's FetchError is matched by name: it is not exported by the SDK, and the bundles replace node-fetch.
  const error = (thrown instanceof Error ? thrown : new Error(String(thrown))) as SdkLikeError;
  if (typeof error.code === 'string' && error.code && error.name !== 'FetchError') return fromApiResponse(error);
  if (typeof error.httpCode === 'number') return fromHttpStatus(error);
  if (error.name === 'FetchError' && error.type === 'invalid-json') {
    return new ApiError({
      kind: 'protocol',
      code: 'InvalidJson',
      message: error.message,
      retryable: true,
      ambiguous: true,
    });
  }
  if (error instanceof TypeError) {
    const message = `The response has no "Response" object (${error.message})`;
    return new ApiError({ kind: 'protocol', code: 'MissingResponse', message, retryable: true, ambiguous: true });
  }
  return fromNetworkMessage(error.message);
}

/** The kind of anything a submit, a poll or a plan can throw (an error that is none of ours maps as toApiError does). */
export function errorKindOf(thrown: unknown): ErrorKind {
  if (thrown instanceof CancelledError) return 'cancelled';
  if (thrown instanceof CredentialsError) return 'credentials';
  if (thrown instanceof EndpointError) return 'endpoint';
  if (thrown instanceof RegionError) return 'region';
  return toApiError(thrown).kind;
}

/** True for the set-up kinds (credentials, endpoint, region). */
export function isSetupError(kind: ErrorKind): kind is SetupErrorKind {
  return SETUP_KINDS.includes(kind);
}

/** True when `thrown` is an API answer saying the resource does not exist. */
export function isNotFound(thrown: unknown): boolean {
  return thrown instanceof ApiError && thrown.notFound;
}
