/**
 * Test helper: the article body of an archived corpus document, read crudely the way the
 * archive importer will (that importer lives elsewhere): everything after the second `---`
 * line, without finews' trailing `<http…>` / `<>` / `[返回…](…)` lines and its `> digest` line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../../../test/corpus.js';

/** Body of the corpus file at `path` (absolute, or relative to the corpus folder). */
export function readArchiveBody(path: string): string {
  const abs = path.startsWith('/') ? path : join(corpusDir, path);
  const lines = readFileSync(abs, 'utf8').split(/\r?\n/);
  let fences = 0;
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '---' && ++fences === 2) {
      start = i + 1;
      break;
    }
  }
  return lines
    .slice(start)
    .filter((l) => {
      const t = l.trim();
      return !/^<(?:https?:[^>]*)?>$/.test(t) && !/^\[返回[^\]]*\]\([^)]*\)/.test(t) && !t.startsWith('> ');
    })
    .join('\n');
}
