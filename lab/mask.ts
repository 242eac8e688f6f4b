/**
 * Masks the pre-shared key in everything the lab prints: logs, configurations, swanctl output. The key appears
 * in a configuration as written, escaped inside a quoted string, and in the cloud's as base64 (`0s…`): every
 * form is replaced.
 */

/** `text` with every occurrence of `secret` (and its base64 form) replaced by `******`. */
export function maskSecret(text: string, secret: string): string {
  if (!secret) return text;
  // As written, as a quoted string escapes it (the generator's `secret = "…"`), and in base64 (the lab's own).
  const forms = [secret, secret.replace(/["\\]/g, '\\$&'), Buffer.from(secret, 'utf8').toString('base64')];
  return forms.reduce((masked, form) => masked.split(form).join('******'), text);
}
