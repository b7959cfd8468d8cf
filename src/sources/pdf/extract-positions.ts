/**
 * extract-positions: text items with positions and font sizes from a PDF, with pdf.js
 * (pdfjs-dist 4, legacy build for Node). Reading order and fake-bold removal are layout-page.ts.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InvalidDocumentError } from '../../util/errors.js';
import type { PositionedText } from './layout-page.js';

/** The items of one page. */
export interface PdfPageItems {
  /** 1-based page number. */
  page: number;
  items: PositionedText[];
}

/**
 * Read every page's text items. Items are in drawing order, duplicates (fake bold) included.
 *
 * @param origin names the document in error messages.
 * @throws InvalidDocumentError when the PDF is broken or encrypted.
 * @example
 * const pages = await extractTextPositions(readFileSync(path), path);
 */
export async function extractTextPositions(data: Uint8Array, origin: string): Promise<PdfPageItems[]> {
  // pdf.js takes ownership of (and detaches) the buffer it is given: pass a copy.
  const task = getDocument({ data: new Uint8Array(data), verbosity: 0, isEvalSupported: false, useSystemFonts: false });
  try {
    const doc = await task.promise;
    const pages: PdfPageItems[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
        items.push({
          text: item.str,
          x,
          y,
          width: item.width,
          // The vertical scale of the text matrix is the font size (the horizontal one may be condensed).
          fontSize: Math.hypot(c, d) || item.height,
          fontName: item.fontName,
        });
      }
      pages.push({ page: n, items });
    }
    return pages;
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    const what = name === 'PasswordException' ? 'is encrypted' : 'cannot be read as a PDF';
    throw new InvalidDocumentError(`pdf: ${origin} ${what}`, { cause: err });
  } finally {
    await task.destroy();
  }
}
