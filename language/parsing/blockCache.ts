/**
 * The parses of top-level blocks by their text, shared by yamlBlocks.ts and jsonBlocks.ts. Bounded by the total
 * length of the texts it keeps, not by a count: editing inside a 700 KB policy list makes a new 700 KB entry per
 * keystroke, and a count bound would let dozens of them pile up. The least recently used go first.
 */
export class BlockCache<T> {
  private readonly entries = new Map<string, T>();
  private size = 0;

  constructor(private readonly maxChars: number) {}

  /** Replaces the kept parse of `text` (nothing when it is not kept). */
  replace(text: string, parsed: T): void {
    if (this.entries.has(text)) this.entries.set(text, parsed);
  }

  /** The parse of `text`, computed by `parse` unless kept; an undefined result is not kept. */
  get(text: string, parse: (text: string) => T | undefined): T | undefined {
    const hit = this.entries.get(text);
    if (hit !== undefined) {
      this.entries.delete(text);
      this.entries.set(text, hit);
      return hit;
    }
    const parsed = parse(text);
    if (parsed === undefined || text.length > this.maxChars) return parsed;
    this.entries.set(text, parsed);
    this.size += text.length;
    for (const [oldest] of this.entries) {
      if (this.size <= this.maxChars) break;
      this.entries.delete(oldest);
      this.size -= oldest.length;
    }
    return parsed;
  }
}
