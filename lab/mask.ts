/**
 * Masks the pre-shared key in everything the lab prints: logs, configurations, swanctl output. The key appears
 * in a configuration as written, escaped inside a quoted string, in hexadecimal (`0x…`), and in the cloud's as
 * base64 (`0s…`): every form is replaced.
 */

/** `text` with every occurrence of `secret` (and its base64 form) replaced by `******`. */
export function maskSecret(text: string, secret: string): string {
  if (!secret) return text;
  // As written, as a quoted string escapes it (the generator's `secret = "…"`), in base64 (the lab's own), and in
  // hexadecimal (the generator's `0x…` for a key swanctl would otherwise decode: peer/vendorSyntax.ts).
  const bytes = Buffer.from(secret, 'utf8');
  const forms = [secret, secret.replace(/["\\]/g, '\\$&'), bytes.toString('base64'), bytes.toString('hex')];
  return forms.reduce((masked, form) => masked.split(form).join('******'), text);
}
