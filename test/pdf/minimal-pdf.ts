/**
 * minimal-pdf: write a small one-font PDF by hand (standard Helvetica, or a predefined-CMap CID font;
 * no embedded font, no new system packages), with a correct xref table, for tests of position
 * extraction and of CMap-based Unicode mapping.
 */

/** One string drawn at a position. */
export interface DrawnText {
  text: string;
  x: number;
  y: number;
  size: number;
}

function escapePdfString(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

/**
 * A PDF with one page per entry of `pages`, each drawing its strings in Helvetica (ASCII only).
 * @example buildMinimalPdf([[{ text: 'Title', x: 50, y: 750, size: 20 }]])
 */
export function buildMinimalPdf(pages: ReadonlyArray<readonly DrawnText[]>, size: [number, number] = [600, 800]): Uint8Array {
  return writePdf(pages, size, HELVETICA, (text) => `(${escapePdfString(text)})`);
}

const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

/**
 * A CID-keyed font that is neither embedded nor given a ToUnicode map: its codes are UCS-2 through
 * the predefined CMap `UniGB-UCS2-H` (Adobe-GB1), so a reader needs that CMap to get Unicode.
 */
const CID_SONG =
  '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [' +
  '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
  '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 ' +
  '/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] ' +
  '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>] >>';

/** UCS-2 big-endian hex string of a BMP text (what UniGB-UCS2-H codes are). */
function ucs2Hex(text: string): string {
  return `<${Array.from(text, (ch) => (ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('')}>`;
}

/**
 * Like {@link buildMinimalPdf}, with Chinese text in a non-embedded CID font encoded through the
 * predefined CMap `UniGB-UCS2-H` and no ToUnicode map (BMP characters only).
 * @example buildCidPdf([[{ text: '稳增长', x: 50, y: 750, size: 20 }]])
 */
export function buildCidPdf(pages: ReadonlyArray<readonly DrawnText[]>, size: [number, number] = [600, 800]): Uint8Array {
  return writePdf(pages, size, CID_SONG, ucs2Hex);
}

function writePdf(
  pages: ReadonlyArray<readonly DrawnText[]>,
  size: [number, number],
  font: string,
  encode: (text: string) => string,
): Uint8Array {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = font;
  pages.forEach((drawn, i) => {
    const content = drawn
      .map((d) => `BT /F1 ${d.size} Tf ${d.x} ${d.y} Td ${encode(d.text)} Tj ET\n`)
      .join('');
    const pageId = pageIds[i] ?? 0;
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size[0]} ${size[1]}] ` +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${content.length} >>\nstream\n${content}endstream`;
  });
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = pdf.length;
    pdf += `${id} 0 obj\n${objects[id] ?? 'null'}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) pdf += `${String(offsets[id] ?? 0).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
