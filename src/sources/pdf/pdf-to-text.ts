/**
 * pdf-to-text: the bytes of a PDF → the plain text the text-level pipeline (parse-pdf-text.ts)
 * reads: every page laid out in reading order, pages separated by form feeds as pdftotext does.
 */
import { extractTextPositions } from './extract-positions.js';
import { layoutPage, layoutToText } from './layout-page.js';

/**
 * Extract and lay out every page of a PDF.
 *
 * @param origin names the document in error messages.
 * @throws InvalidDocumentError when the PDF is broken or encrypted (pdf.js's reason is the cause).
 * @example
 * const posts = parsePdfText(await pdfToText(readFileSync(path), path), path);
 */
export async function pdfToText(bytes: Uint8Array, origin: string): Promise<string> {
  const pages = await extractTextPositions(bytes, origin);
  return pages.map((p) => layoutToText(layoutPage(p.items))).join('\f');
}
