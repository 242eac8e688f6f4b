/**
 * The text of a large open document, for the server's document store (main.ts): the same behaviour as
 * vscode-languageserver-textdocument's TextDocument (its line-offset bookkeeping is copied, CRLF cases included),
 * but an incremental change does not rebuild the whole string. The library's document concatenates the text on
 * every change, and V8 flattens that 5 MB string again on the next read: about 3 ms per keystroke on a 5 MB file,
 * so a flood of 2,000 changes kept the main thread busy for 6 s and a hover on another file waited behind it.
 * Here the text is a list of pieces (slices of the text as it was, and the inserted texts), joined into one
 * string only when someone reads the text (a validation, a request on this document) or when the pieces grow
 * too many; a change costs a walk over the pieces and the line offsets, microseconds.
 */
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

/** More pieces than this are joined into one on the next change. */
const MAX_PIECES = 256;
/** The changes kept for changesSince: at most this many, with at most this much inserted text. */
const HISTORY_CHANGES = 10_000;
const HISTORY_CHARS = 1024 * 1024;

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const isEOL = (code: number): boolean => code === CARRIAGE_RETURN || code === LINE_FEED;

/** `text.slice(start, end)`, not yet cut out. */
interface Piece {
  text: string;
  start: number;
  end: number;
}

/** A text as pieces: replace a range, read a character, join. */
class Pieces {
  private pieces: Piece[];
  length: number;

  constructor(text: string) {
    this.pieces = [{ text, start: 0, end: text.length }];
    this.length = text.length;
  }

  /** The character code at `offset` (NaN outside the text), as String.prototype.charCodeAt. */
  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return Number.NaN;
    let at = 0;
    for (const piece of this.pieces) {
      const size = piece.end - piece.start;
      if (offset < at + size) return piece.text.charCodeAt(piece.start + offset - at);
      at += size;
    }
    return Number.NaN;
  }

  /** Replaces `[start, end)` with `text`. */
  replace(start: number, end: number, text: string): void {
    if (this.pieces.length > MAX_PIECES) this.join();
    const out: Piece[] = [];
    const inserted: Piece = { text, start: 0, end: text.length };
    let placed = false;
    let at = 0;
    const place = () => {
      if (!placed && text) out.push(inserted);
      placed = true;
    };
    for (const piece of this.pieces) {
      const from = at;
      const to = at + piece.end - piece.start;
      at = to;
      if (to <= start) {
        out.push(piece); // wholly before the range
      } else if (from >= end) {
        place(); // wholly after it
        out.push(piece);
      } else {
        if (from < start) out.push({ text: piece.text, start: piece.start, end: piece.start + start - from });
        place();
        if (to > end) out.push({ text: piece.text, start: piece.start + end - from, end: piece.end });
      }
    }
    place();
    this.pieces = out.length ? out : [{ text: '', start: 0, end: 0 }];
    this.length += text.length - (end - start);
  }

  /** The whole text, as one string from now on. */
  join(): string {
    if (this.pieces.length !== 1 || this.pieces[0].start !== 0 || this.pieces[0].end !== this.pieces[0].text.length) {
      const text = this.pieces.map((piece) => piece.text.slice(piece.start, piece.end)).join('');
      this.pieces = [{ text, start: 0, end: text.length }];
    }
    return this.pieces[0].text;
  }
}

/** Line starts of `text` (offsets after each line end), as the library computes them. */
function computeLineOffsets(text: string, isAtLineStart: boolean, textOffset = 0): number[] {
  const result = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (isEOL(ch)) {
      if (ch === CARRIAGE_RETURN && i + 1 < text.length && text.charCodeAt(i + 1) === LINE_FEED) i++;
      result.push(textOffset + i + 1);
    }
  }
  return result;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character)
    ? { start: end, end: start }
    : range;
}

/** The changes of one didChange: from version `from` to version `to`. */
interface Step {
  from: number;
  to: number;
  changes: readonly TextDocumentContentChangeEvent[];
  chars: number;
}

/**
 * A TextDocument whose text is kept in pieces; see the file comment. It also remembers its recent changes, so the
 * validation worker, which holds an earlier version, is sent those instead of the whole text (changesSince).
 */
export class LargeTextDocument implements TextDocument {
  private readonly content: Pieces;
  private lineOffsets: number[] | undefined;
  private history: Step[] = [];
  private historyChanges = 0;
  private historyChars = 0;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    text: string,
  ) {
    this.content = new Pieces(text);
  }

  getText(range?: Range): string {
    const text = this.content.join();
    return range ? text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  /** The text's length, without joining its pieces. */
  get length(): number {
    return this.content.length;
  }

  get lineCount(): number {
    return this.offsets().length;
  }

  /** The changes that lead from `version` to this one, in order; undefined when they are no longer kept. */
  changesSince(version: number): TextDocumentContentChangeEvent[] | undefined {
    if (version === this.version) return [];
    const start = this.history.findIndex((step) => step.from === version);
    if (start < 0) return undefined;
    const steps = this.history.slice(start);
    return steps.every((step, i) => i === 0 || step.from === steps[i - 1].to) && steps.at(-1)?.to === this.version
      ? steps.flatMap((step) => step.changes)
      : undefined;
  }

  /** Applies the changes of one didChange, as TextDocument.update does. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    this.remember({ from: this.version, to: version, changes, chars: changes.reduce((n, c) => n + c.text.length, 0) });
    this.apply(changes);
    this.version = version;
  }

  private remember(step: Step): void {
    this.history.push(step);
    this.historyChanges += step.changes.length;
    this.historyChars += step.chars;
    let drop = 0;
    while (drop < this.history.length && (this.historyChanges > HISTORY_CHANGES || this.historyChars > HISTORY_CHARS)) {
      this.historyChanges -= this.history[drop].changes.length;
      this.historyChars -= this.history[drop++].chars;
    }
    if (drop) this.history.splice(0, drop);
  }

  private apply(changes: readonly TextDocumentContentChangeEvent[]): void {
    for (const change of changes) {
      if ('range' in change) this.applyIncremental(wellFormed(change.range), change.text);
      else {
        this.content.replace(0, this.content.length, change.text);
        this.content.join();
        this.lineOffsets = undefined;
      }
    }
  }

  private applyIncremental(range: Range, text: string): void {
    const startOffset = this.offsetAt(range.start);
    const endOffset = this.offsetAt(range.end);
    this.content.replace(startOffset, endOffset, text);
    const insertedEnd = startOffset + text.length;
    const code = (offset: number) => this.content.charCodeAt(offset);
    const crlfAtStart = code(startOffset - 1) === CARRIAGE_RETURN && code(startOffset) === LINE_FEED;
    const crlfAtEnd = code(insertedEnd - 1) === CARRIAGE_RETURN && code(insertedEnd) === LINE_FEED;
    if (crlfAtStart || crlfAtEnd || !this.lineOffsets) {
      // A CRLF pair across an edit boundary is not in the inserted text's line offsets: count them again.
      this.lineOffsets = undefined;
      return;
    }
    this.shiftLineOffsets(range, text, startOffset, endOffset);
  }

  private shiftLineOffsets(range: Range, text: string, startOffset: number, endOffset: number): void {
    let lineOffsets = this.lineOffsets!;
    const startLine = Math.max(range.start.line, 0);
    const endLine = Math.max(range.end.line, 0);
    const added = computeLineOffsets(text, false, startOffset);
    if (endLine - startLine === added.length) {
      for (let i = 0; i < added.length; i++) lineOffsets[i + startLine + 1] = added[i];
    } else if (added.length < 10000) {
      lineOffsets.splice(startLine + 1, endLine - startLine, ...added);
    } else {
      this.lineOffsets = lineOffsets = lineOffsets
        .slice(0, startLine + 1)
        .concat(added, lineOffsets.slice(endLine + 1));
    }
    const diff = text.length - (endOffset - startOffset);
    if (diff !== 0) {
      for (let i = startLine + 1 + added.length; i < lineOffsets.length; i++) lineOffsets[i] += diff;
    }
  }

  private offsets(): number[] {
    return (this.lineOffsets ??= computeLineOffsets(this.content.join(), true));
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.content.length), 0);
    const lineOffsets = this.offsets();
    let low = 0;
    let high = lineOffsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeEOL(offset, lineOffsets[line]);
    return { line, character: offset - lineOffsets[line] };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.offsets();
    if (position.line >= lineOffsets.length) return this.content.length;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line];
    if (position.character <= 0) return lineOffset;
    const next = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this.content.length;
    return this.beforeEOL(Math.min(lineOffset + position.character, next), lineOffset);
  }

  getLineRange(line: number): Range {
    const lineOffsets = this.offsets();
    if (line >= lineOffsets.length) {
      const last = lineOffsets.length - 1;
      return {
        start: { line: last, character: 0 },
        end: { line: last, character: this.content.length - lineOffsets[last] },
      };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lineOffsets[line];
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this.content.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEOL(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const lineOffsets = this.offsets();
    if (line < 0 || line >= lineOffsets.length) return '';
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this.content.length;
    return this.getText().substring(this.beforeEOL(next, lineOffsets[line]), next);
  }

  private beforeEOL(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEOL(this.content.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}
