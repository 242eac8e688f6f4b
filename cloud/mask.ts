/**
 * Masking of secrets before anything is shown, logged or stored. The SecretId is shown as AKID****wxyz so a user
 * can tell accounts apart; the SecretKey, tokens and the pre-shared key are never shown at all. The redactor is a
 * second line of defence: it replaces any known secret value that still reaches a log line.
 */

export const MASK = '******';

/** Keys whose values are secrets wherever they appear (requests, responses, stored records). */
const SECRET_KEYS = /^(PreShareKey|SecretKey|secretKey|secret_key|Token|token|SessionToken|Password|Authorization)$/;
const SECRET_ID_KEYS = /^(SecretId|secretId|secret_id)$/;

/** "AKIDabcd…wxyz" → "AKID****wxyz"; short values are masked entirely. */
export function maskSecretId(secretId: string | undefined): string {
  if (!secretId) return '';
  if (secretId.length <= 8) return MASK;
  return `${secretId.slice(0, 4)}****${secretId.slice(-4)}`;
}

/** Any secret value → a fixed mask that reveals neither content nor length. */
export function maskSecret(value: unknown): string {
  return value === undefined || value === null || value === '' ? '' : MASK;
}

/** A deep copy of `value` with every secret field masked (PreShareKey, SecretKey, tokens, SecretId). */
export function deepMask<T>(value: T): T {
  return maskNode(value) as T;
}

function maskNode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskNode);
  if (!value || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (SECRET_KEYS.test(key)) result[key] = maskSecret(child);
    else if (SECRET_ID_KEYS.test(key) && typeof child === 'string') result[key] = maskSecretId(child);
    else result[key] = maskNode(child);
  }
  return result;
}

/** Replaces every registered secret value in free text (log lines, error messages) with the mask. */
export class SecretRedactor {
  private readonly secrets = new Set<string>();

  /** Registers values to hide; values shorter than 4 characters are ignored (they would mangle ordinary text). */
  add(...values: (string | undefined)[]): void {
    values.forEach((value) => value && value.length >= 4 && this.secrets.add(value));
  }

  /** The text with every registered secret replaced by the mask. */
  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join(MASK);
    return result;
  }
}
