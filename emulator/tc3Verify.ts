/**
 * Verifies a TC3-HMAC-SHA256 signature the way the service does: from the headers AS RECEIVED and the exact body
 * bytes, with the credential scope `<UTC date of X-TC-Timestamp>/<service>/tc3_request` and a 300-second window.
 * Pure (no I/O, no clock): the caller passes the time, so the published vectors can be checked as they are.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { maskSecretId } from './mask';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

/** The parts of an HTTP request the signature covers; header names lower-cased as node delivers them. */
export interface SignedRequest {
  method: string;
  /** The query string without "?" ("" for POST). */
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | string;
}

export interface VerifyOptions {
  nowSeconds: number;
  /** The service the scope must name: "vpc" for the emulator. */
  service: string;
  secretFor: (secretId: string) => string | undefined;
  windowSeconds?: number;
}

export type VerifyResult =
  { ok: true; secretId: string } | { ok: false; code: string; detail: string; secretId?: string };

/** An Authorization header split into its fields. */
export interface ParsedAuthorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH_PATTERN =
  /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** Parses the Authorization header; undefined when it is missing or does not follow the TC3 form. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  const match = AUTH_PATTERN.exec((header ?? '').trim());
  if (!match) return undefined;
  const [, secretId, date, service, names, signature] = match;
  return { secretId, date, service, signedHeaders: names.split(';'), signature };
}

/** The UTC date (YYYY-MM-DD) of a Unix timestamp: the scope uses UTC, never local time. */
export const utcDate = (timestampSeconds: number): string =>
  new Date(timestampSeconds * 1000).toISOString().slice(0, 10);

function headerValue(headers: SignedRequest['headers'], name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim().toLowerCase();
}

/** CanonicalRequest of TC3: the signed headers' values trimmed and lower-cased, in the order given. */
export function canonicalRequest(request: SignedRequest, signedHeaders: string[]): string {
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${headerValue(request.headers, name)}\n`).join('');
  return [
    request.method.toUpperCase(),
    '/',
    request.query,
    canonicalHeaders,
    signedHeaders.join(';'),
    sha256Hex(request.body),
  ].join('\n');
}

/** StringToSign of TC3 for a timestamp, scope and canonical request. */
export function stringToSign(timestamp: number | string, scope: string, canonical: string): string {
  return `${TC3_ALGORITHM}\n${timestamp}\n${scope}\n${sha256Hex(canonical)}`;
}

/** SecretSigning = HMAC chain over the date, the service and "tc3_request". */
export function signingKey(secretKey: string, date: string, service: string): Buffer {
  return hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
}

/** The hex signature of a StringToSign. */
export function signatureOf(secretKey: string, date: string, service: string, toSign: string): string {
  return createHmac('sha256', signingKey(secretKey, date, service))
    .update(toSign)
    .digest('hex');
}

const fail = (code: string, detail: string, secretId?: string): VerifyResult => ({ ok: false, code, detail, secretId });

/** Checks the timestamp and the Authorization header's form; the signature itself comes after. */
function checkEnvelope(
  request: SignedRequest,
  auth: ParsedAuthorization | undefined,
  options: VerifyOptions,
): VerifyResult | number {
  if (!auth)
    return fail(
      'AuthFailure.InvalidAuthorization',
      'Authorization is missing or not of the form TC3-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...',
    );
  if (!auth.signedHeaders.includes('content-type') || !auth.signedHeaders.includes('host')) {
    return fail('AuthFailure.InvalidAuthorization', 'SignedHeaders must include content-type and host', auth.secretId);
  }
  const raw = headerValue(request.headers, 'x-tc-timestamp');
  if (!/^\d+$/.test(raw)) return fail('MissingParameter', 'X-TC-Timestamp is missing or not an integer', auth.secretId);
  const timestamp = Number(raw);
  if (Math.abs(options.nowSeconds - timestamp) > (options.windowSeconds ?? 300)) {
    return fail(
      'AuthFailure.SignatureExpire',
      `X-TC-Timestamp ${timestamp} is more than 300 s from the server time ${options.nowSeconds}`,
      auth.secretId,
    );
  }
  return timestamp;
}

/** Verifies one request; the result names the API error code the service would answer. */
export function verifyTc3(request: SignedRequest, options: VerifyOptions): VerifyResult {
  const header = request.headers.authorization;
  const auth = parseAuthorization(Array.isArray(header) ? header[0] : header);
  const timestamp = checkEnvelope(request, auth, options);
  if (typeof timestamp !== 'number') return timestamp;
  const { secretId, date, service, signedHeaders, signature } = auth!;
  const secretKey = options.secretFor(secretId);
  if (secretKey === undefined)
    return fail(
      'AuthFailure.SecretIdNotFound',
      `SecretId ${maskSecretId(secretId)} is not known to this service`,
      secretId,
    );
  if (service !== options.service)
    return fail(
      'AuthFailure.SignatureFailure',
      `credential scope names service "${service}", expected "${options.service}"`,
      secretId,
    );
  if (date !== utcDate(timestamp))
    return fail(
      'AuthFailure.SignatureFailure',
      `credential scope date ${date} is not the UTC date of X-TC-Timestamp (${utcDate(timestamp)})`,
      secretId,
    );
  const scope = `${date}/${service}/tc3_request`;
  const expected = signatureOf(
    secretKey,
    date,
    service,
    stringToSign(timestamp, scope, canonicalRequest(request, signedHeaders)),
  );
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
    return fail(
      'AuthFailure.SignatureFailure',
      'the signature does not match the request as received (headers, body bytes, key)',
      secretId,
    );
  }
  return { ok: true, secretId };
}
