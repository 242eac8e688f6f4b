/**
 * Dead-peer detection: DpdTimeout and DpdAction only act while DpdEnable is 1, and the timeout is 30-60 s.
 * Source: validation-rules.json `dpd` (only_when DpdEnable=1, range_terraform [30, 60]); the console offers the
 * same range.
 */
import type { Rule } from './rule';
import type { SemanticFix } from '../types';
import { has, stringAt } from '../values/values';

const DPD_FIELDS = ['DpdTimeout', 'DpdAction'] as const;
const TIMEOUT_RANGE = { min: 30, max: 60 };

const fieldsWhileOff: Rule = {
  id: 'dpd-fields-ignored',
  severity: 'warning',
  summary: {
    en: 'DpdTimeout or DpdAction while DpdEnable is 0 or absent (they are ignored).',
    zh: 'DpdEnable 为 0 或未设置时设置了 DpdTimeout/DpdAction（不会生效）。',
  },
  source: 'validation-rules.json dpd (only_when DpdEnable=1)',
  example: 'DpdEnable: 0\nDpdTimeout: "30"\nDpdAction: restart',
  fix: 'Remove the field, or turn DPD on (DpdEnable: 1).',
  check(doc, _context, report) {
    // A DpdEnable of the wrong type ("1") is the schema's error; saying the fields are ignored would mislead.
    if (doc.DpdEnable === 1 || (has(doc, 'DpdEnable') && typeof doc.DpdEnable !== 'number')) return;
    for (const key of DPD_FIELDS) {
      if (!has(doc, key)) continue;
      report(
        [key],
        'key',
        {
          en: `${key} has no effect while DpdEnable is ${has(doc, 'DpdEnable') ? String(doc.DpdEnable) : 'not set (0)'}.`,
          zh: `DpdEnable 为${has(doc, 'DpdEnable') ? ` ${String(doc.DpdEnable)} ` : '未设置（0）'}时，${key} 不会生效。`,
        },
        [
          { kind: 'remove', path: [key], title: { en: `Remove ${key}`, zh: `删除 ${key}` } },
          {
            kind: 'addProperties',
            path: [],
            properties: { DpdEnable: 1 },
            title: { en: 'Turn DPD on (DpdEnable: 1)', zh: '开启 DPD（DpdEnable: 1）' },
          },
        ],
      );
    }
  },
};

const timeoutRange: Rule = {
  id: 'dpd-timeout-range',
  code: 'InvalidParameterValue',
  // An error: the console and terraform both refuse a timeout outside 30-60 s, so the API's range is theirs.
  severity: 'error',
  summary: { en: 'DpdTimeout outside 30-60 seconds.', zh: 'DpdTimeout 不在 30-60 秒范围内。' },
  source: "validation-rules.json dpd (range_terraform [30, 60]; the console's range)",
  fix: 'Set DpdTimeout to the nearest bound ("30" or "60").',
  example: 'DpdEnable: 1\nDpdTimeout: "120"',
  check(doc, _context, report) {
    const text = stringAt(doc, 'DpdTimeout');
    if (doc.DpdEnable !== 1 || text === undefined || !/^\d+$/.test(text)) return;
    const seconds = Number(text);
    if (seconds >= TIMEOUT_RANGE.min && seconds <= TIMEOUT_RANGE.max) return;
    report(
      ['DpdTimeout'],
      'value',
      {
        en: `DpdTimeout ${seconds} s is outside ${TIMEOUT_RANGE.min}-${TIMEOUT_RANGE.max} s (the console's and terraform's range).`,
        zh: `DpdTimeout ${seconds} 秒不在 ${TIMEOUT_RANGE.min}-${TIMEOUT_RANGE.max} 秒内（控制台与 terraform 的取值范围）。`,
      },
      [nearestBoundFix(seconds)],
    );
  },
};

/** Sets DpdTimeout to the bound nearest to the value given (a string, as the API takes it). */
function nearestBoundFix(seconds: number): SemanticFix {
  const bound = String(seconds < TIMEOUT_RANGE.min ? TIMEOUT_RANGE.min : TIMEOUT_RANGE.max);
  return {
    kind: 'setValue',
    path: ['DpdTimeout'],
    value: bound,
    title: { en: `Change to "${bound}"`, zh: `改为 "${bound}"` },
  };
}

/** DPD rules, in the order the docs list them. */
export const dpdRules: Rule[] = [fieldsWhileOff, timeoutRange];
