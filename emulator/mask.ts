/**
 * How the emulator shows a secret wherever it records or prints one (the request record, the 'request' event,
 * GET /__emulator/state, the log, its error messages): a pre-shared key not at all, a SecretId by its first and
 * last four characters, as cloud/mask.ts shows them (the emulator imports only language/, hence its own copy). A client may point a real key at the emulator by
 * mistake; it must not end up in a log.
 */

/** Masks a secret: neither its characters nor its length survive (as cloud/mask.ts). */
export const maskSecret = (value: unknown): string => (typeof value === 'string' && value ? '******' : '');

/** Masks a SecretId: AKID****0000, or only the mask when it is too short to show any of it. */
export function maskSecretId(value: string): string;
export function maskSecretId(value: string | undefined): string | undefined;
export function maskSecretId(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value.length > 12 ? `${value.slice(0, 4)}****${value.slice(-4)}` : '****';
}
