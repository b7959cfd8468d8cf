/**
 * justified-spaces: remove the spaces a justified layout put between glyphs of CJK text.
 *
 * Extractors turn the extra letter-spacing of a justified line into spaces
 * (`国 内 生 产 总 值`, `2022 年`, `19% 、`). Chinese text has no word spaces, so a space run
 * inside a line is dropped whenever a CJK character or CJK punctuation mark is on either side;
 * between two Latin/ASCII characters (`Faraday Future`) it is a real word space and becomes one
 * space — unless it is letter spacing inside a number or word (`1 0 0`, `V e k l u r y`: single
 * characters one space apart), which is closed up. Leading indentation is kept: it marks a new
 * paragraph (see join-lines.ts).
 */
import { isWideChar } from './char-class.js';

const INTERIOR_SPACE = /(\S)[ \t\u00a0\u3000]+(?=(\S))/gu;
/** Letter-spaced digits (`1 0 0`) or letters (`V e k l u r y`): single characters, one space apart. */
const SPACED_DIGITS = /(?<![A-Za-z0-9.])[0-9](?: [0-9])+(?![A-Za-z0-9])/gu;
const SPACED_LETTERS = /(?<![A-Za-z0-9])[A-Za-z0-9](?: [A-Za-z0-9]){2,}(?![A-Za-z0-9])/gu;

/**
 * Remove justification spaces inside one line; leading indentation is kept, trailing space dropped.
 * @example removeJustifiedSpaces('国 内 生 产 总 值 增长 19% 、Faraday  Future') // '国内生产总值增长19%、Faraday Future'
 */
export function removeJustifiedSpaces(line: string): string {
  const indent = /^[ \t\u00a0\u3000]*/u.exec(line)?.[0] ?? '';
  const body = line.slice(indent.length).trimEnd();
  const fixed = body.replace(INTERIOR_SPACE, (_whole, left: string, right: string) =>
    isWideChar(lastChar(left)) || isWideChar(right) ? left : `${left} `,
  );
  const unspaced = (run: string): string => run.replace(/ /g, '');
  return indent + fixed.replace(SPACED_DIGITS, unspaced).replace(SPACED_LETTERS, unspaced);
}

function lastChar(text: string): string {
  return Array.from(text).at(-1) ?? '';
}
