/** The block cache keeps parses by text within a bound on the total text length, dropping the least recently used. */
import * as assert from 'node:assert/strict';
import { BlockCache } from '../../../language/parsing/blockCache';

describe('block cache', () => {
  it('answers a kept text without parsing it again', () => {
    const cache = new BlockCache<string>(100);
    let parses = 0;
    const parse = (text: string) => (parses++, text.toUpperCase());
    assert.equal(cache.get('abc', parse), 'ABC');
    assert.equal(cache.get('abc', parse), 'ABC');
    assert.equal(parses, 1);
  });

  it('stays within its character bound, dropping the least recently used text first', () => {
    const cache = new BlockCache<number>(10);
    const parsed: string[] = [];
    const parse = (text: string) => (parsed.push(text), text.length);
    cache.get('aaaa', parse);
    cache.get('bbbb', parse);
    cache.get('aaaa', parse); // now the most recent
    cache.get('cccc', parse); // 12 > 10: 'bbbb' goes
    cache.get('aaaa', parse);
    cache.get('bbbb', parse);
    assert.deepEqual(parsed, ['aaaa', 'bbbb', 'cccc', 'bbbb']);
  });

  it('keeps neither an undefined result nor a text longer than the whole bound', () => {
    const cache = new BlockCache<number>(3);
    let parses = 0;
    cache.get('toolong', () => ++parses);
    cache.get('toolong', () => ++parses);
    cache.get('x', () => (parses++, undefined));
    cache.get('x', () => (parses++, undefined));
    assert.equal(parses, 4);
  });
});
