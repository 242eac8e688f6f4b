/**
 * The SARIF rule descriptors of `tcvpn validate --format sarif`: one per rule a result names. A business rule is
 * described from its registry entry (the summary the rules page shows, its API error code and quick fix) and
 * links to its section of the shipped rules page; a schema check (`schema.<keyword>`) is described by what the
 * keyword checks and links to the API page of its error code; every kind of syntax error is a rule of its own
 * (`syntax.<code>`: a bad indentation and a missing bracket are different rules, not one named after the first
 * code seen).
 */
import type * as Sarif from 'sarif';
import type { Lang, Localized } from '../../language/types';
import { RULES } from '../../language/rules/registry';
import type { Rule } from '../../language/rules/rule';
import type { CliFinding } from './findings';

/** What each schema keyword checks, for the descriptors of `schema.<keyword>` rules. */
const SCHEMA_KEYWORDS: Record<string, Localized> = {
  required: { en: 'A required parameter is missing.', zh: '缺少必填参数。' },
  additionalProperties: { en: 'A parameter the API does not know.', zh: 'API 不认识的参数。' },
  type: { en: 'A value of the wrong type (a string where a number belongs, ...).', zh: '值的类型不对。' },
  enum: { en: 'A value that is not one of the allowed values.', zh: '值不在允许的取值之内。' },
  maxLength: { en: 'A value longer than the API allows.', zh: '值超过 API 允许的长度。' },
  minLength: { en: 'An empty or too short value.', zh: '值为空或过短。' },
  minimum: { en: 'A number below the allowed range.', zh: '数值低于允许的范围。' },
  maximum: { en: 'A number above the allowed range.', zh: '数值高于允许的范围。' },
  pattern: { en: 'A value that does not have the required format.', zh: '值的格式不符合要求。' },
};

/** Syntax problems that are not a parser's error code. */
const SYNTAX_KINDS: Record<string, Localized> = {
  'duplicate-key': { en: 'A key appears twice in one object.', zh: '同一对象中的键重复。' },
  'nesting-limit': { en: 'The document nests deeper than the checker reads.', zh: '文档嵌套过深。' },
  'file-too-large': { en: 'The file is too large to check beyond its syntax.', zh: '文件过大，只检查语法。' },
};

const RULE_BY_ID = new Map<string, Rule>(RULES.map((rule) => [rule.id, rule]));

/** The SARIF rule id of a finding: its rule id, or `syntax.<code>` for a syntax error (one rule per kind). */
export function sarifRuleIdOf(finding: CliFinding): string {
  return finding.ruleId === 'syntax' ? `syntax.${finding.code}` : finding.ruleId;
}

/** The descriptor of the rule a finding belongs to, described in `lang`. */
export function ruleDescriptorOf(finding: CliFinding, lang: Lang, level: Sarif.ReportingConfiguration.level) {
  const id = sarifRuleIdOf(finding);
  const { short, full } = descriptionOf(id, finding, lang);
  const descriptor: Sarif.ReportingDescriptor = {
    id,
    name: finding.code,
    shortDescription: { text: short },
    fullDescription: { text: full },
    defaultConfiguration: { level },
    properties: { code: finding.code },
  };
  if (finding.docUrl && /^[a-z][a-z0-9+.-]*:/i.test(finding.docUrl)) descriptor.helpUri = finding.docUrl;
  else if (finding.docUrl) descriptor.help = { text: `See ${finding.docUrl}` };
  return descriptor;
}

function descriptionOf(id: string, finding: CliFinding, lang: Lang): { short: string; full: string } {
  const rule = RULE_BY_ID.get(id);
  if (rule) {
    const code = rule.code ? `API error code ${rule.code}.` : 'Advisory: the API accepts the value.';
    const fix = rule.fix ? ` Quick fix: ${rule.fix}` : '';
    return { short: rule.summary[lang], full: `${rule.summary[lang]} ${code}${fix}` };
  }
  if (id.startsWith('schema.')) {
    const keyword = SCHEMA_KEYWORDS[id.slice('schema.'.length)];
    const short = keyword?.[lang] ?? `The request does not match the API's schema (${id}).`;
    return { short, full: `${short} API error code ${finding.code}; checked against the API's parameter schema.` };
  }
  const kind = SYNTAX_KINDS[finding.code]?.[lang] ?? syntaxKindText(finding.code, lang);
  return { short: kind, full: `${kind} (${finding.code})` };
}

/** "YAML syntax error: BAD_INDENT" for a parser's own code (`yaml.BAD_INDENT`, `json.CloseBracketExpected`). */
function syntaxKindText(code: string, lang: Lang): string {
  const [language, ...rest] = code.split('.');
  const name = rest.join('.') || code;
  const format = language === 'json' ? 'JSON' : language === 'yaml' ? 'YAML' : '';
  return lang === 'zh' ? `${format}语法错误：${name}` : `${format ? `${format} syntax` : 'Syntax'} error: ${name}`;
}
