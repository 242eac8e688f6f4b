/**
 * server/largeTextDocument.ts keeps a large open document in pieces instead of one string per version; it must
 * behave exactly as vscode-languageserver-textdocument's TextDocument, which every other document uses. Checked
 * by applying the same seeded random changes (incremental and whole-text, CR, LF and CRLF, ranges past the end,
 * reversed ranges) to both and comparing text, line count, offsetAt, positionAt, line ranges and EOLs throughout;
 * and the changes it keeps for the validation worker (sent instead of the whole text) rebuild the same text.
 */
import * as assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { PIECES_FROM, WORKER_THRESHOLD } from '../../server/largeDocuments';
import { LargeTextDocument } from '../../server/largeTextDocument';

/** A small deterministic generator (the same run every time). */
function seeded(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

const ALPHABET = ['a', 'b', '\n', '\r\n', '\r', 'xyz', '', 'é', '\n\n', '{"k": 1}'];

describe('LargeTextDocument: the same document as the library’s, kept in pieces', () => {
  it('keeps every document the worker serves, so a keystroke reaches the worker as a change, not the whole text', () => {
    // A YAML file of 64–256 KiB went to the worker but was kept whole here: each change sent all of it.
    for (const kind of ['json', 'yaml'] as const)
      assert.ok(PIECES_FROM <= WORKER_THRESHOLD[kind], `${kind}: ${PIECES_FROM} > ${WORKER_THRESHOLD[kind]}`);
  });

  it('agrees with TextDocument over 300 random editing sessions of 400 changes', () => {
    const random = seeded(7);
    const word = () => ALPHABET[random(ALPHABET.length)];
    for (let session = 0; session < 300; session++) {
      const text = Array.from({ length: random(60) }, word).join('');
      let reference = TextDocument.create('file:///a.json', 'json', 1, text);
      const pieces = new LargeTextDocument('file:///a.json', 'json', 1, text);
      const position = (): Position => ({ line: random(reference.lineCount + 2) - 1, character: random(8) - 1 });
      for (let version = 2; version < 400; version++) {
        const change: TextDocumentContentChangeEvent =
          random(40) === 0
            ? { text: word().repeat(random(5)) }
            : { range: { start: position(), end: position() }, text: Array.from({ length: random(3) }, word).join('') };
        reference = TextDocument.update(reference, [change], version);
        pieces.update([change], version);
        const where = `session ${session}, version ${version}`;
        assert.equal(pieces.lineCount, reference.lineCount, `lineCount, ${where}`);
        for (let probe = 0; probe < 3; probe++) {
          const at = position();
          assert.equal(pieces.offsetAt(at), reference.offsetAt(at), `offsetAt ${JSON.stringify(at)}, ${where}`);
          const offset = random(reference.getText().length + 3) - 1;
          assert.deepEqual(pieces.positionAt(offset), reference.positionAt(offset), `positionAt ${offset}, ${where}`);
          const line = at.line;
          assert.deepEqual(pieces.getLineRange(line), reference.getLineRange(line), `getLineRange, ${where}`);
          assert.equal(pieces.getEOLCharacters(line), reference.getEOLCharacters(line), `EOL, ${where}`);
        }
        if (random(4) === 0) assert.equal(pieces.getText(), reference.getText(), `text, ${where}`);
      }
      assert.equal(pieces.getText(), reference.getText());
      assert.equal(pieces.version, reference.version);
    }
  });

  it('gives the changes since an earlier version, which bring a copy held at that version up to date', () => {
    const random = seeded(11);
    const text = 'one\ntwo\nthree\n'.repeat(50);
    const live = new LargeTextDocument('file:///c.json', 'json', 1, text);
    const copy = new LargeTextDocument('file:///c.json', 'json', 1, text);
    for (let version = 2; version <= 300; version++) {
      const at = { line: random(150), character: random(6) };
      live.update([{ range: { start: at, end: at }, text: random(2) ? 'x' : '\n' }], version);
      if (version % 37 === 0) {
        copy.update(live.changesSince(copy.version)!, live.version);
        assert.equal(copy.getText(), live.getText(), `at version ${version}`);
      }
    }
    assert.deepEqual(live.changesSince(live.version), []);
    assert.equal(live.changesSince(12345), undefined, 'a version it never had');
  });

  it('forgets changes past its bound: the whole text is sent instead', () => {
    const live = new LargeTextDocument('file:///d.json', 'json', 1, 'a');
    const big = 'b'.repeat(600 * 1024);
    live.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: big }], 2);
    assert.ok(live.changesSince(1));
    live.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: big }], 3);
    assert.equal(live.changesSince(1), undefined, 'more than 1 MB of inserted text since version 1');
    assert.equal(live.changesSince(2)?.length, 1);
  });

  it('reads a range as the library does', () => {
    const text = 'line one\r\nline two\nthree';
    const pieces = new LargeTextDocument('file:///b.json', 'json', 1, text);
    pieces.update([{ range: { start: { line: 1, character: 5 }, end: { line: 1, character: 8 } }, text: '2' }], 2);
    const range = { start: { line: 0, character: 5 }, end: { line: 2, character: 2 } };
    assert.equal(pieces.getText(range), 'one\r\nline 2\nth');
  });
});
