/**
 * Removing a pair or an item from YAML text. Block collections lose whole lines (the entry's own trailing
 * comment goes with it, comments on other lines stay); flow collections lose the entry and one comma. A pair
 * that opens a sequence item ("- Key: a") hands the dash to the next pair, or takes the item with it if alone.
 */
import { isMap, isSeq, type Node, type Pair } from 'yaml';
import type { OffsetEdit } from './offsetEdit';
import { endOfLine, startOfLine, type Located } from './yamlLocate';

interface Entry {
  start: number;
  /** End of the entry's value (for flow collections, before any comma). */
  valueEnd: number;
  /** End including its trailing comment and newline. */
  nodeEnd: number;
}

function pairEntry(pair: Pair): Entry | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (!key?.range) return undefined;
  return {
    start: key.range[0],
    valueEnd: value?.range?.[1] ?? key.range[1],
    nodeEnd: value?.range?.[2] ?? key.range[2],
  };
}

function itemEntry(item: unknown): Entry | undefined {
  const range = (item as Node | null)?.range;
  return range ? { start: range[0], valueEnd: range[1], nodeEnd: range[2] } : undefined;
}

/** The edits that remove the located pair or item; none when it cannot be found. */
export function yamlRemoveEdits(text: string, found: Located | undefined): OffsetEdit[] {
  const parent = found?.parent;
  if (!found || !parent) return [];
  const entries = isMap(parent) ? parent.items.map(pairEntry) : isSeq(parent) ? parent.items.map(itemEntry) : [];
  const entry = entries[found.index];
  if (!entry) return [];
  if (parent.flow) return [removeFromFlow(entries, found.index)];
  if (isSeq(parent)) return [removeLines(text, dashOf(text, entry.start), entry.nodeEnd)];
  const prefix = text.slice(startOfLine(text, entry.start), entry.start);
  if (/^\s*$/.test(prefix)) return [removeLines(text, entry.start, entry.nodeEnd)];
  // The pair sits after "- ": the next pair moves up to take its place.
  const next = entries[found.index + 1];
  return next ? [{ offset: entry.start, length: next.start - entry.start, content: '' }] : [];
}

/** Deletes the lines from the one holding `start` through the one holding `end`. */
function removeLines(text: string, start: number, end: number): OffsetEdit {
  const from = startOfLine(text, start);
  const to = endOfLine(text, end);
  return { offset: from, length: to - from, content: '' };
}

/** The offset of the "-" that introduces a block sequence item starting at `start`. */
function dashOf(text: string, start: number): number {
  let at = start - 1;
  while (at > 0 && (text[at] === ' ' || text[at] === '\t')) at--;
  return text[at] === '-' ? at : start;
}

/** Removes a flow entry with the comma after it, or before it when it is the last one. */
function removeFromFlow(entries: Array<Entry | undefined>, index: number): OffsetEdit {
  const entry = entries[index]!;
  const next = entries[index + 1];
  const previous = entries[index - 1];
  if (next) return { offset: entry.start, length: next.start - entry.start, content: '' };
  const from = previous ? previous.valueEnd : entry.start;
  return { offset: from, length: entry.valueEnd - from, content: '' };
}
