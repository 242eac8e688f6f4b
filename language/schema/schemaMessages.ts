/**
 * The Chinese and English text of each kind of schema problem. Messages name the parameter by its path
 * ("IKEOptionsSpecification.DhGroupName", "SecurityPolicyDatabases[0]") and say what would be accepted, in words:
 * a schema's regular expression is never shown, its meaning and the schema's example are.
 */
import type { JsonPath, Localized, SemanticFix } from '../types';
import type { ErrorContext } from './errorContext';
import { HIDDEN_PROPERTIES, type JsonSchema } from './schemaLookup';

/** "A.B[0].C" for a path; "(document)" for the root. */
export function pathLabel(path: JsonPath): string {
  let label = '';
  for (const segment of path) label += typeof segment === 'number' ? `[${segment}]` : label ? `.${segment}` : segment;
  return label || '(document)';
}

const TYPE_NAMES: Record<string, Localized> = {
  string: { en: 'a string', zh: '字符串' },
  integer: { en: 'an integer', zh: '整数' },
  number: { en: 'a number', zh: '数字' },
  boolean: { en: 'a boolean (true or false)', zh: '布尔值（true 或 false）' },
  object: { en: 'an object', zh: '对象' },
  array: { en: 'an array', zh: '数组' },
  null: { en: 'null', zh: 'null' },
};

function typeName(type: unknown): Localized {
  return TYPE_NAMES[String(type)] ?? { en: String(type), zh: String(type) };
}

function actualType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return Number.isInteger(value) ? 'integer' : typeof value;
}

/** The hint a fix gives, e.g. ' Did you mean "STATIC"?'. */
function didYouMean(fixes: SemanticFix[]): Localized {
  const fix = fixes[0];
  const suggestion =
    fix?.kind === 'renameKey'
      ? fix.newKey
      : fix?.kind === 'setValue' && typeof fix.value === 'string'
        ? fix.value
        : undefined;
  return suggestion
    ? { en: ` Did you mean "${suggestion}"?`, zh: `您是否要输入 "${suggestion}"？` }
    : { en: '', zh: '' };
}

/** The message of one schema error; `fallback` is ajv's own text for keywords not listed here. */
export function schemaMessage(context: ErrorContext, fixes: SemanticFix[], fallback: string, where: string): Localized {
  const hint = didYouMean(fixes);
  const key = String(context.path[context.path.length - 1]);
  const { params, schema, value } = context;
  switch (context.keyword) {
    case 'required':
      return { en: `Missing required parameter "${key}".`, zh: `缺少必填参数 "${key}"。` };
    case 'additionalProperties':
      return unknownMessage(key, fixes, hint);
    case 'enum': {
      const allowed = (schema?.enum ?? []).map((v) => JSON.stringify(v)).join(', ');
      return {
        en: `${JSON.stringify(value)} is not an allowed value of ${where}.${hint.en} Allowed: ${allowed}.`,
        zh: `${JSON.stringify(value)} 不是 ${where} 的可选值。${hint.zh}可选值：${allowed}。`,
      };
    }
    case 'type': {
      const [want, got] = [typeName(params.type), typeName(actualType(value))];
      // The fix's value is worth naming only when it is more than the same text in quotes (14 → "GROUP14").
      const named = fixes[0]?.kind === 'setValue' && fixes[0].value !== String(value) ? hint : { en: '', zh: '' };
      return {
        en: `${where} must be ${want.en}, not ${got.en}.${named.en}`,
        zh: `${where} 应为${want.zh}，而不是${got.zh}。${named.zh}`,
      };
    }
    case 'maxLength':
    case 'minLength':
      return lengthMessage(context.keyword, Number(params.limit), String(value ?? ''), where);
    case 'minimum':
    case 'maximum':
      return {
        en: `${where} must be between ${schema?.minimum ?? '-∞'} and ${schema?.maximum ?? '∞'} (it is ${String(value)}).`,
        zh: `${where} 的取值范围为 ${schema?.minimum ?? '-∞'} 到 ${schema?.maximum ?? '∞'}（当前为 ${String(value)}）。`,
      };
    case 'pattern':
      return patternMessage(String(params.pattern), schema, where);
    default:
      return REGEX_SYNTAX.test(fallback)
        ? { en: `${where} is not valid.`, zh: `${where} 的值无效。` }
        : { en: `${where}: ${fallback}.`, zh: `${where}：${fallback}。` };
  }
}

function lengthMessage(keyword: string, limit: number, text: string, where: string): Localized {
  const length = [...text].length;
  if (keyword === 'minLength' && limit === 1) return { en: `${where} must not be empty.`, zh: `${where} 不能为空。` };
  if (keyword === 'minLength')
    return {
      en: `${where} must have at least ${limit} characters (it has ${length}).`,
      zh: `${where} 至少 ${limit} 个字符（当前 ${length} 个）。`,
    };
  return {
    en: `${where} must have at most ${limit} characters (it has ${length}).`,
    zh: `${where} 最多 ${limit} 个字符（当前 ${length} 个）。`,
  };
}

/**
 * An unknown key. An empty one says the name is missing; a hidden one (a real API parameter the reference does
 * not document, such as `Route`) says this tool does not support it rather than that the API refuses it. A hidden
 * name that is a near miss of a visible one (a rename fix exists) is a misspelling and gets the usual text.
 */
function unknownMessage(key: string, fixes: SemanticFix[], hint: Localized): Localized {
  if (key === '') return { en: 'A parameter name is missing: the key is empty.', zh: '缺少参数名：键为空。' };
  if (HIDDEN_PROPERTIES.has(key) && !fixes.some((fix) => fix.kind === 'renameKey')) {
    return {
      en: `"${key}" is a hidden, undocumented parameter of the API: this tool does not support it, so it is not checked or offered.`,
      zh: `"${key}" 是 API 未公开文档的隐藏参数：本工具不支持该参数，不会校验或提示它。`,
    };
  }
  return {
    en: `Unknown parameter "${key}": the API does not accept it.${hint.en}`,
    zh: `未知参数 "${key}"：API 不接受该参数。${hint.zh}`,
  };
}

/** Characters that betray a regular expression in a message: anchors, classes, escapes. */
const REGEX_SYNTAX = /[\^$[\]]|\\[dws]/;

/** What the schemas' patterns mean, in words (the value "is ..."). */
const PATTERN_WORDS: Record<string, Localized> = {
  '^[0-9]+$': { en: 'a string of digits', zh: '由数字组成的字符串' },
  '^\\d+$': { en: 'a string of digits', zh: '由数字组成的字符串' },
};

/** A value that does not have the required form: what the form is, with the schema's example when it has one. */
function patternMessage(pattern: string, schema: JsonSchema | undefined, where: string): Localized {
  const example = schema?.examples?.find((sample): sample is string => typeof sample === 'string');
  const words = PATTERN_WORDS[pattern];
  const such =
    example === undefined
      ? { en: '', zh: '' }
      : { en: `, such as ${JSON.stringify(example)}`, zh: `，例如 ${JSON.stringify(example)}` };
  if (words) return { en: `${where} must be ${words.en}${such.en}.`, zh: `${where} 应为${words.zh}${such.zh}。` };
  return { en: `${where} is not in the expected format${such.en}.`, zh: `${where} 的格式不正确${such.zh}。` };
}
