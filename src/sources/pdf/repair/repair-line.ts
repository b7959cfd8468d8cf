/**
 * repair-line: the per-line text repairs, in their fixed order — justification spaces first (so
 * a spaced-out doubled headline is seen as doubled), then fake-bold doubling.
 */
import { removeFakeBold } from './fake-bold.js';
import { removeJustifiedSpaces } from './justified-spaces.js';

/** One extracted line after the per-line repairs. */
export interface RepairedLine {
  /** The repaired line, leading indentation kept. */
  text: string;
  /** Whether fake-bold doubling was removed: the line was (at least partly) bold. */
  bold: boolean;
  /** Share of the repaired line's characters that were printed bold (0–1). */
  boldShare: number;
}

/**
 * Repair one line of PDF-extracted text. With `keepSpaces` (a headline laid out from glyph
 * positions, where a space is printed, not a justification artefact: `稳字当头 进中求进`) space runs
 * only shrink to one space.
 * @example repairLine('稳 增 长稳 增 长').text // '稳增长'
 */
export function repairLine(line: string, keepSpaces = false): RepairedLine {
  const spaced = keepSpaces ? line.trim().replace(/[ \t\u00a0]+/gu, ' ') : removeJustifiedSpaces(line);
  const indent = /^[ \t\u00a0\u3000]*/u.exec(spaced)?.[0] ?? '';
  const result = removeFakeBold(spaced.slice(indent.length));
  const kept = Array.from(result.text).length;
  const removed = Array.from(spaced).length - indent.length - kept;
  return { text: indent + result.text, bold: result.changed, boldShare: kept === 0 ? 0 : Math.min(1, removed / kept) };
}
