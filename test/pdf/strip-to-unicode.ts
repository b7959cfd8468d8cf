/**
 * strip-to-unicode: blank out every `/ToUnicode n 0 R` entry of a PDF (same length, so the xref
 * offsets stay right): the fonts keep their glyphs but lose their map to Unicode.
 */

/**
 * The PDF without ToUnicode maps.
 * @example stripToUnicode(await renderNewspaperPdf(pages))
 */
export function stripToUnicode(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const stripped = text.replace(/\/ToUnicode \d+ 0 R/g, (entry) => ' '.repeat(entry.length));
  if (stripped === text) throw new Error('strip-to-unicode: the PDF has no ToUnicode entry');
  return new Uint8Array(Buffer.from(stripped, 'latin1'));
}
