/**
 * A jieba tokenizer (@node-rs/jieba) with the default dictionary and a user dictionary, required
 * on call: jieba and its dictionary are loaded only by the code that segments (facts, search),
 * never by the reading commands.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

const require = createRequire(import.meta.url);

/**
 * A new tokenizer: the default dictionary, then `userDict` (jieba's "word freq tag" lines).
 * The default dictionary is read from `dict.txt` directly: the package's `dict.js` also reads
 * the 6 MB `idf.txt` (keyword extraction, unused here), about 25 ms per tokenizer.
 */
export function loadJieba(userDict: string): Jieba {
  const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const jieba = JiebaClass.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  jieba.loadDict(Buffer.from(userDict));
  return jieba;
}
