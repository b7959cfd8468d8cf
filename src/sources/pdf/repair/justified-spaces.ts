/**
 * justified-spaces: remove the spaces a justified layout put between glyphs of CJK text.
 *
 * Extractors turn the extra letter-spacing of a justified line into spaces
 * (`国 内 生 产 总 值`, `2022 年`, `19% 、`). Chinese text has no word spaces, so a space run
 * inside a line is dropped whenever a CJK character or CJK punctuation mark is on either side;
 * between two Latin/ASCII characters (`Faraday Future`) it is a real word space and becomes one
 * space. Leading indentation is kept: it marks a new paragraph (see join-lines.ts).
 */
import { isWideChar } from './char-class.js';

const INTERIOR_SPACE = /(\S)[ \t\u00a0\u3000]+(?=(\S))/gu;

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
  return indent + fixed;
}

function lastChar(text: string): string {
  return Array.from(text).at(-1) ?? '';
}
