/**
 * Chinese and English texts of the problems found before schema validation: JSON and YAML syntax errors,
 * duplicate keys, and the limits that protect the server (file size, alias expansion).
 */
import type { Localized } from '../types';

const JSON_MESSAGES: Record<string, Localized> = {
  InvalidSymbol: { en: 'Invalid symbol.', zh: '无效的符号。' },
  InvalidNumberFormat: { en: 'Invalid number format.', zh: '数字格式无效。' },
  PropertyNameExpected: {
    en: 'Property name expected (is there a trailing comma?).',
    zh: '此处应为属性名（是否多了一个逗号？）。',
  },
  ValueExpected: { en: 'Value expected.', zh: '此处应为值。' },
  ColonExpected: { en: 'Colon expected.', zh: '此处应为冒号。' },
  CommaExpected: { en: 'Comma expected.', zh: '此处应为逗号。' },
  CloseBraceExpected: { en: 'Closing brace "}" expected.', zh: '缺少右花括号 "}"。' },
  CloseBracketExpected: { en: 'Closing bracket "]" expected.', zh: '缺少右方括号 "]"。' },
  ArrayNotClosedBeforeKey: {
    en: 'Closing bracket "]" expected before this key: the list above is not closed.',
    zh: '此键之前缺少右方括号 "]"：上面的列表没有结束。',
  },
  EndOfFileExpected: {
    en: 'End of file expected: only one top-level value is allowed.',
    zh: '此处应为文件结尾：只允许一个顶层值。',
  },
  InvalidCommentToken: { en: 'Invalid comment.', zh: '注释无效。' },
  UnexpectedEndOfComment: { en: 'Unterminated comment.', zh: '注释未结束。' },
  UnexpectedEndOfString: { en: 'Unterminated string: a closing quote is missing.', zh: '字符串未结束：缺少右引号。' },
  UnexpectedEndOfNumber: { en: 'Unexpected end of number.', zh: '数字意外结束。' },
  InvalidUnicode: { en: 'Invalid unicode escape sequence.', zh: 'Unicode 转义序列无效。' },
  InvalidEscapeCharacter: { en: 'Invalid escape character in string.', zh: '字符串中的转义字符无效。' },
  InvalidCharacter: {
    en: 'Invalid character in string (control characters must be escaped).',
    zh: '字符串中有无效字符（控制字符须转义）。',
  },
};

/** The message for a jsonc-parser error name, e.g. "CommaExpected". */
export function jsonSyntaxMessage(name: string): Localized {
  return JSON_MESSAGES[name] ?? { en: `Syntax error (${name}).`, zh: `语法错误（${name}）。` };
}

export function duplicateKeyMessage(key: string): Localized {
  return {
    en: `Duplicate key "${key}": only one of the values would be sent.`,
    zh: `重复的键 "${key}"：只会发送其中一个值。`,
  };
}

const YAML_ZH: Record<string, string> = {
  DUPLICATE_KEY: '映射中的键必须唯一',
  TAB_AS_INDENT: 'YAML 不允许用制表符缩进',
  MISSING_CHAR: '缺少结束字符（如引号或括号）',
  BAD_INDENT: '缩进不正确',
  UNEXPECTED_TOKEN: '意外的内容',
  BLOCK_AS_IMPLICIT_KEY: '块结构不能作为隐式键',
  MULTILINE_IMPLICIT_KEY: '隐式键必须写在一行内',
  BAD_DQ_ESCAPE: '双引号字符串中的转义无效',
  BAD_ALIAS: '别名无效',
  BAD_SCALAR_START: '标量的开头字符无效',
  BLOCK_IN_FLOW: '流式集合中不能包含块结构',
  KEY_OVER_1024_CHARS: '隐式键超过 1024 个字符',
};

/** What usually causes an error whose library text only describes the parser's state. */
const YAML_HINTS: Record<string, Localized> = {
  MULTILINE_IMPLICIT_KEY: {
    en: ' (is a colon missing after the key, or is the next line indented too far?)',
    zh: '（是否在键后漏了冒号，或下一行缩进过多？）',
  },
  BLOCK_AS_IMPLICIT_KEY: { en: ' (is the next line indented too far?)', zh: '（下一行是否缩进过多？）' },
};

/** The library's token names, which some of its messages quote, as the characters the user typed. */
const YAML_TOKENS: Record<string, string> = {
  'block-seq-ind': '"-"',
  'explicit-key-ind': '"?"',
  'map-value-ind': '":"',
  'flow-map-start': '"{"',
  'flow-map-end': '"}"',
  'flow-seq-start': '"["',
  'flow-seq-end': '"]"',
  'doc-start': '"---"',
  'doc-end': '"..."',
};

/** The message for a `yaml` library error: its own English text (first line) and a Chinese one by code. */
export function yamlSyntaxMessage(code: string, message: string): Localized {
  const text = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const base = text.replace(
    /\b(?:block-seq-ind|explicit-key-ind|map-value-ind|flow-(?:map|seq)-(?:start|end)|doc-(?:start|end))\b/g,
    (token) => YAML_TOKENS[token],
  );
  const hint = YAML_HINTS[code] ?? { en: '', zh: '' };
  const en = `${base}${hint.en}`;
  const zh = YAML_ZH[code] ? `${YAML_ZH[code]}${hint.zh}（${base}）` : `YAML 语法错误：${base}`;
  return { en, zh };
}

export function fileTooLargeMessage(size: number, limit: number): Localized {
  const mb = (n: number) => (n / 1048576).toFixed(1);
  return {
    en: `File too large for full analysis (${mb(size)} MB > ${mb(limit)} MB): only syntax is checked, completion and hover are off.`,
    zh: `文件过大（${mb(size)} MB > ${mb(limit)} MB），无法完整分析：只检查语法，补全和悬停提示已关闭。`,
  };
}

export function aliasLimitMessage(): Localized {
  return {
    en: 'YAML aliases expand too much (possible alias bomb): the document was not validated.',
    zh: 'YAML 别名展开过多（可能是别名炸弹）：未校验此文档。',
  };
}

/** The YAML parser ran out of stack on nested collections (its own limit, which depends on the stack left). */
export function yamlNestingMessage(): Localized {
  return {
    en: 'Nesting too deep for the YAML parser: the document was not validated.',
    zh: '嵌套过深，YAML 解析器无法处理：未校验此文档。',
  };
}

export function nestingLimitMessage(limit: number): Localized {
  return {
    en: `Nesting deeper than ${limit} levels: the document was not validated.`,
    zh: `嵌套超过 ${limit} 层：未校验此文档。`,
  };
}

export function controlCharacterMessage(code: number): Localized {
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    en: `Control character ${name} is not allowed in YAML (is this a binary file or a bad paste?).`,
    zh: `YAML 中不允许控制字符 ${name}（是否为二进制文件或粘贴错误？）。`,
  };
}
