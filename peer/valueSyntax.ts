/**
 * How a free-text value (a pre-shared key, an FQDN identity) goes into a device's configuration: the pieces the
 * vendor rules of vendorSyntax.ts are made of — the checks, the reasons a value cannot be written (in English and
 * Chinese, naming what in the value is the trouble, never the value), double quotes with a vendor's escapes, and
 * the hexadecimal form some vendors take a key in.
 */
import type { Localized } from '../language/types';

/** A value as the configuration writes it, or why the device's syntax cannot say it. */
export type Written = { text: string } | { refusal: Localized };

/** The reasons a value cannot be written; each completes "…: it …". */
export const REASONS = {
  space: {
    en: 'it contains a space or a tab, and the command takes the value as one word',
    zh: '其中含有空格或制表符，而该命令只接受一个不含空格的词',
  },
  question: {
    en: 'it contains "?", which the CLI reads as a request for help',
    zh: '其中含有“?”，命令行会把它当作求助键',
  },
  quote: {
    en: 'it contains a double quote ("), which this syntax has no escape for',
    zh: '其中含有双引号（"），该语法无法转义',
  },
  backslash: {
    en: 'it contains a backslash (\\), which this syntax has no documented escape for',
    zh: '其中含有反斜杠（\\），该语法没有文档记载的转义方式',
  },
  control: {
    en: 'it contains a line break or another control character',
    zh: '其中含有换行符或其他控制字符',
  },
  nonAscii: {
    en: 'it contains characters outside printable ASCII',
    zh: '其中含有可打印 ASCII 以外的字符',
  },
  keyword: {
    en: 'it is a word the command reads as an option in front of the key',
    zh: '它恰好是命令在密钥前读取的选项词',
  },
} satisfies Record<string, Localized>;

/** "It has N characters, the device takes min–max." */
export function lengthReason(length: number, min: number, max: number): Localized {
  return {
    en: `it has ${length} characters, and the device takes ${min}–${max}`,
    zh: `它有 ${length} 个字符，而该设备只接受 ${min}–${max} 个字符`,
  };
}

export const hasSpace = (value: string): boolean => /\s/.test(value);
export const hasControl = (value: string): boolean => /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value);
export const isPrintableAscii = (value: string): boolean => /^[\x20-\x7e]*$/.test(value);

/** The first reason that applies, as a refusal; undefined when none does. */
export function refusal(checks: [boolean, Localized][]): Written | undefined {
  const found = checks.find(([applies]) => applies);
  return found ? { refusal: found[1] } : undefined;
}

/** The checks every CLI that takes a value as typed shares: no control characters, printable ASCII only. */
export function asciiChecks(value: string): [boolean, Localized][] {
  return [
    [hasControl(value), REASONS.control],
    [!isPrintableAscii(value), REASONS.nonAscii],
  ];
}

/** The value's UTF-8 bytes in lower-case hexadecimal. */
export function hexOf(value: string): string {
  return [...new TextEncoder().encode(value)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The value in double quotes with a backslash before each of `escaped` (a backslash itself among them). */
export function backslashQuoted(value: string, escaped: string): string {
  return `"${[...value].map((char) => (escaped.includes(char) ? `\\${char}` : char)).join('')}"`;
}

/** The value as it is when every character is one `plain` accepts, else through `quote`. */
export function quotedIfNeeded(value: string, plain: RegExp, quote: (value: string) => string): string {
  return plain.test(value) ? value : quote(value);
}
