/**
 * Edits as offsets into a text, the form the JSON and YAML fix writers produce before fixes.ts converts them to
 * LSP line/character edits. Its own module so that fixes.ts (which calls the writers) and the writers (which
 * build these) depend on it, not on each other.
 */

/** A replacement of text[offset, offset + length) by `content`, before conversion to line/character. */
export interface OffsetEdit {
  offset: number;
  length: number;
  content: string;
}

/** The edit that replaces text[start, end) by `content`. */
export function replaceSpan(start: number, end: number, content: string): OffsetEdit {
  return { offset: start, length: end - start, content };
}

/** One edit covering what differs between two texts (common prefix and suffix left alone); none if equal. */
export function diffEdits(before: string, after: string | undefined): OffsetEdit[] {
  if (after === undefined || after === before) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  return [{ offset: start, length: before.length - start - end, content: after.slice(start, after.length - end) }];
}

/** Applies offset edits (non-overlapping, any order) to a text; used by tests and by callers without an editor. */
export function applyOffsetEdits(text: string, edits: OffsetEdit[]): string {
  return [...edits]
    .sort((a, b) => b.offset - a.offset)
    .reduce(
      (result, edit) => result.slice(0, edit.offset) + edit.content + result.slice(edit.offset + edit.length),
      text,
    );
}
