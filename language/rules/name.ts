/**
 * The tunnel name: 1-60 characters counted as Unicode code points, as terraform's utf8.RuneCountInString does
 * (so one emoji counts once, where String.length would count two). Source: validation-rules.json `name-length`;
 * the spec's error InvalidParameterValue.TooLong.
 */
import type { Rule } from './rule';
import { stringAt } from '../values/values';

/** The API's maximum tunnel-name length in code points. */
export const MAX_NAME_LENGTH = 60;

const nameLength: Rule = {
  id: 'name-length',
  code: 'InvalidParameterValue.TooLong',
  severity: 'error',
  summary: {
    en: 'VpnConnectionName is longer than 60 characters (Unicode code points).',
    zh: 'VpnConnectionName 超过 60 个字符（按 Unicode 码点计）。',
  },
  source: 'validation-rules.json name-length; spec errors (InvalidParameterValue.TooLong)',
  example:
    'VpnConnectionName: 上海IDC到广州VPC的主通道-上海IDC到广州VPC的主通道-上海IDC到广州VPC的主通道-上海IDC到广州VPC的主通道-备用',
  check(doc, _context, report) {
    const name = stringAt(doc, 'VpnConnectionName');
    if (name === undefined) return;
    const length = [...name].length;
    if (length <= MAX_NAME_LENGTH) return;
    report(['VpnConnectionName'], 'value', {
      en: `The name has ${length} characters; the API takes at most ${MAX_NAME_LENGTH}.`,
      zh: `名称有 ${length} 个字符，API 最多接受 ${MAX_NAME_LENGTH} 个。`,
    });
  },
};

/** Name rules. */
export const nameRules: Rule[] = [nameLength];
