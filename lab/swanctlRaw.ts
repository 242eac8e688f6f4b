/**
 * Reads swanctl's `--raw` output (the vici messages as text: `name {key=value list=[a b] section {…}}`) into
 * plain nested objects, so the lab reads SAs and connections as data instead of scraping the pretty form.
 */

/** A section of the listing: scalar values, lists and nested sections by key. */
export interface RawNode {
  [key: string]: string | string[] | RawNode;
}

/** Parses every event of a `--raw` listing and merges their sections into one node. */
export function parseSwanctlRaw(text: string): RawNode {
  const root: RawNode = {};
  const tokens = text.match(/\[[^\]]*\]|[{}]|[^\s{}=[\]]+=(?:\[[^\]]*\]|[^\s{}]*)|[^\s{}=[\]]+/g) ?? [];
  const stack: RawNode[] = [root];
  let pendingName: string | undefined;
  for (const token of tokens) {
    const current = stack[stack.length - 1];
    if (token === '{') {
      const section: RawNode = pendingName === undefined ? current : ((current[pendingName] as RawNode) ??= {});
      stack.push(typeof section === 'object' && !Array.isArray(section) ? section : {});
      pendingName = undefined;
    } else if (token === '}') {
      if (stack.length > 1) stack.pop();
    } else if (token.includes('=')) {
      const at = token.indexOf('=');
      current[token.slice(0, at)] = valueOf(token.slice(at + 1));
    } else {
      pendingName = token;
    }
  }
  return root;
}

function valueOf(text: string): string | string[] {
  return text.startsWith('[') ? text.slice(1, -1).split(/\s+/).filter(Boolean) : text;
}
