/**
 * POSIX shell quoting for the tccli export: a word of plain characters as it is, anything else in single quotes
 * (inside which sh expands nothing: no `$`, no backquote, no backslash), a single quote as `'\''`. Hand-written
 * because the rule is three lines and fully specified by POSIX, where shell-quote's mix of double quotes and
 * backslashes is harder to audit; the tests run every exported line through `sh -c` to prove it.
 */

/** Characters no POSIX shell (nor zsh) treats specially anywhere in a word. */
const PLAIN = /^[A-Za-z0-9_@+:,./-]+$/;

/** `word` as one shell word that reads back as exactly `word`. */
export function shellQuote(word: string): string {
  return PLAIN.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
