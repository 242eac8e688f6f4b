/**
 * Tags: keys unique, non-empty, and not in the system-reserved `qcloud:` namespace. Sources:
 * validation-rules.json `tags` (unique_keys); the spec's CreateVpnConnection errors TagDuplicateKey,
 * TagInvalidKey and UnsupportedOperation.TagSystemReservedTagKey.
 */
import type { Rule } from './rule';
import { arrayAt, isRecord } from '../values/values';

/** Tag keys Tencent Cloud reserves for itself start with this (compared case-insensitively). */
const RESERVED_PREFIX = 'qcloud:';

/** Each tag whose Key is a string, with its index. */
function keyedTags(tags: unknown[] | undefined): Array<{ index: number; key: string }> {
  return (tags ?? []).flatMap((tag, index) =>
    isRecord(tag) && typeof tag.Key === 'string' ? [{ index, key: tag.Key }] : [],
  );
}

const duplicateKey: Rule = {
  id: 'tag-duplicate-key',
  code: 'InvalidParameterValue.TagDuplicateKey',
  severity: 'error',
  summary: { en: 'Two tags have the same key.', zh: '两个标签的键相同。' },
  source: 'validation-rules.json tags (unique_keys); spec errors (TagDuplicateKey)',
  example: 'Tags:\n  - Key: env\n    Value: prod\n  - Key: env\n    Value: test',
  fix: 'Remove the later tag.',
  check(doc, _context, report) {
    const firstIndex = new Map<string, number>();
    for (const { index, key } of keyedTags(arrayAt(doc, 'Tags'))) {
      const first = firstIndex.get(key);
      if (first === undefined) {
        firstIndex.set(key, index);
        continue;
      }
      report(
        ['Tags', index, 'Key'],
        'value',
        {
          en: `Tag key "${key}" is already used by tag #${first + 1}.`,
          zh: `标签键“${key}”已被第 ${first + 1} 个标签使用。`,
        },
        [{ kind: 'remove', path: ['Tags', index], title: { en: 'Remove the duplicate tag', zh: '删除重复的标签' } }],
      );
    }
  },
};

const emptyKey: Rule = {
  id: 'tag-empty-key',
  code: 'InvalidParameterValue.TagInvalidKey',
  severity: 'error',
  summary: { en: 'A tag key is empty or only spaces.', zh: '标签键为空或只有空格。' },
  source: 'validation-rules.json tags (Key required); spec errors (TagInvalidKey)',
  example: 'Tags:\n  - Key: ""\n    Value: prod',
  check(doc, _context, report) {
    for (const { index, key } of keyedTags(arrayAt(doc, 'Tags'))) {
      if (key.trim() !== '') continue;
      report(['Tags', index, 'Key'], 'value', { en: 'A tag key cannot be empty.', zh: '标签键不能为空。' });
    }
  },
};

const reservedKey: Rule = {
  id: 'tag-reserved-key',
  code: 'UnsupportedOperation.TagSystemReservedTagKey',
  severity: 'error',
  summary: { en: 'A tag key uses the system-reserved "qcloud:" prefix.', zh: '标签键使用了系统预留的“qcloud:”前缀。' },
  source: 'spec errors (UnsupportedOperation.TagSystemReservedTagKey)',
  example: 'Tags:\n  - Key: "qcloud:owner"\n    Value: me',
  check(doc, _context, report) {
    for (const { index, key } of keyedTags(arrayAt(doc, 'Tags'))) {
      if (!key.toLowerCase().startsWith(RESERVED_PREFIX)) continue;
      report(['Tags', index, 'Key'], 'value', {
        en: `Tag keys starting with "${RESERVED_PREFIX}" are reserved for the system.`,
        zh: `以“${RESERVED_PREFIX}”开头的标签键为系统预留。`,
      });
    }
  },
};

/** Tag rules, in the order the docs list them. */
export const tagRules: Rule[] = [duplicateKey, emptyKey, reservedKey];
