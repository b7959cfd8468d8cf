/**
 * minimal-pdf: write a small one-font PDF by hand (standard Helvetica, no embedded font, no new
 * system packages), with a correct xref table, for tests of position extraction.
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
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((drawn, i) => {
    const content = drawn
      .map((d) => `BT /F1 ${d.size} Tf ${d.x} ${d.y} Td (${escapePdfString(d.text)}) Tj ET\n`)
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
