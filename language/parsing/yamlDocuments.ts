/**
 * The `yaml` library's documents of a text, parsed once per text: the tree builder (yamlTree.ts), the quick
 * fixes (edits/yamlLocate.ts) and the formatter all read the same parse of a version instead of each parsing the
 * whole text again. Keyed by the text itself, so nothing stale is returned; the last few texts are kept, up to a
 * total length (a parsed document takes tens of times its text, and large files are parsed block by block anyway).
 */
import { parseAllDocuments, type Document } from 'yaml';

/** The one option set every reader of the parse agrees on (duplicate keys are found by the tree walker). */
export const YAML_PARSE_OPTIONS = {
  prettyErrors: false,
  uniqueKeys: false,
  keepSourceTokens: false,
  logLevel: 'error',
} as const;

const recent = new Map<string, Document.Parsed[]>();
const RECENT_LIMIT = 8;
const RECENT_CHARACTERS = 1024 * 1024;
let recentCharacters = 0;

/** Every document of the YAML stream; callers must not modify them. */
export function yamlDocuments(text: string): Document.Parsed[] {
  let documents = recent.get(text);
  if (!documents) {
    const parsed = parseAllDocuments(text, YAML_PARSE_OPTIONS);
    documents = Array.isArray(parsed) ? parsed : [];
    recent.set(text, documents);
    recentCharacters += text.length;
    // The newest text always stays; older ones go until the cache is within both bounds.
    while (recent.size > 1 && (recent.size > RECENT_LIMIT || recentCharacters > RECENT_CHARACTERS)) {
      const oldest = recent.keys().next().value as string;
      recent.delete(oldest);
      recentCharacters -= oldest.length;
    }
  }
  return documents;
}
