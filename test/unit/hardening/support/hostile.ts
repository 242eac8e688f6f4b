/**
 * Hostile documents, generated (never committed): each is what a broken tool, a paste or an attacker may put in
 * front of the server. Every generator is deterministic and sized by its parameter so the CI run stays cheap.
 */

/** A JSON document of about `bytes` characters: one long Tags array, valid syntax. */
export function hugeJson(bytes: number): string {
  const item = '{"Key": "k", "Value": "v"}';
  const count = Math.ceil(bytes / (item.length + 2));
  return `{"VpnConnectionName": "huge", "Tags": [${Array(count).fill(item).join(', ')}]}\n`;
}

/** A YAML document of about `bytes` characters: one long Tags sequence. */
export function hugeYaml(bytes: number): string {
  const item = '  - Key: k\n    Value: v\n';
  return `VpnConnectionName: huge\nTags:\n${item.repeat(Math.ceil(bytes / item.length))}`;
}

/** An object with `count` distinct (unknown) keys. */
export function manyKeys(count: number, kind: 'json' | 'yaml'): string {
  const keys = Array.from({ length: count }, (_, i) => `Key${i}`);
  return kind === 'json'
    ? `{${keys.map((k) => `"${k}": ${k.length}`).join(',\n')}}\n`
    : keys.map((k) => `${k}: ${k.length}\n`).join('');
}

/** `depth` nested arrays under Tags (flow style in YAML: block style would need depth² characters of indentation). */
export function deepNesting(depth: number, kind: 'json' | 'yaml'): string {
  const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  return kind === 'json'
    ? `{"VpnConnectionName": "deep", "Tags": ${nested}}\n`
    : `VpnConnectionName: deep\nTags: ${nested}\n`;
}

/** `depth` nested objects (JSON): {"a": {"a": ... }}. */
export function deepObjects(depth: number): string {
  return `{"VpnConnectionName": "deep", "Tags": ${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}}\n`;
}

/** One line of `length` characters: the tunnel name (the API allows 60). */
export function longLine(length: number, kind: 'json' | 'yaml'): string {
  const name = 'x'.repeat(length);
  return kind === 'json' ? `{"VpnConnectionName": "${name}"}\n` : `VpnConnectionName: ${name}\n`;
}

/** The "billion laughs": ten levels of anchors, each alias list ten times the one before. */
export function aliasBomb(levels = 10): string {
  const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  lines.push(`VpnConnectionName: *a${levels - 1}`);
  return `${lines.join('\n')}\n`;
}
