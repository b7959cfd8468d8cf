/**
 * poppler: the fallback text extractor — poppler's `pdftotext` (apt `poppler-utils`, with
 * `poppler-data` for the Chinese CMaps), run as a child process. `-bbox-layout` gives every word
 * with its box, so its output goes through the same layout (fake-bold removal, columns, reading
 * order) as pdf.js's; plain `-layout` text would put the columns of a page side by side.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidDocumentError } from '../../util/errors.js';
import type { PdfPageItems } from './extract-positions.js';
import type { PositionedText } from './layout-page.js';

/** Largest output accepted from pdftotext (bytes). */
const MAX_OUTPUT = 64 * 1024 * 1024;
const TIMEOUT_MS = 60_000;
/** A word box is about this many font sizes tall (ascent + descent). */
const BOX_PER_SIZE = 1.25;

const PAGE = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/gu;
const WORD = /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/gu;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Words of every page as positioned items (PDF space: y grows upwards), from
 * `pdftotext -bbox-layout` output.
 * @example parseBboxLayout('<page width="600" height="800"><word xMin="50" yMin="40" xMax="90" yMax="52.5">稳增长</word></page>')
 */
export function parseBboxLayout(xhtml: string): PdfPageItems[] {
  const pages: PdfPageItems[] = [];
  for (const page of xhtml.matchAll(PAGE)) {
    const height = Number(page[2]);
    const items: PositionedText[] = [];
    for (const w of (page[3] ?? '').matchAll(WORD)) {
      const [x0, y0, x1, y1] = [w[1], w[2], w[3], w[4]].map(Number) as [number, number, number, number];
      const size = (y1 - y0) / BOX_PER_SIZE;
      const text = decodeEntities(w[5] ?? '');
      if (text.trim() === '') continue;
      items.push({ text, x: x0, y: height - y1 + size * 0.2, width: x1 - x0, fontSize: size, fontName: 'poppler' });
    }
    pages.push({ page: pages.length + 1, items });
  }
  return pages;
}

/** `&amp;` and numeric character references decoded. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/**
 * Run `pdftotext -bbox-layout` on a PDF and read its words.
 *
 * @param origin names the document in error messages.
 * @param executable the pdftotext program. Default `pdftotext` (from PATH).
 * @throws InvalidDocumentError when pdftotext is missing or fails on the file.
 */
export async function popplerTextPositions(bytes: Uint8Array, origin: string, executable = 'pdftotext'): Promise<PdfPageItems[]> {
  return parseBboxLayout(await runPdftotext(bytes, origin, executable));
}

/**
 * `pdftotext -bbox-layout` output (XHTML with flows, blocks, lines and words) of a PDF.
 * @throws InvalidDocumentError when pdftotext is missing or fails on the file.
 */
export async function runPdftotext(bytes: Uint8Array, origin: string, executable = 'pdftotext'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'caixun-pdf-'));
  try {
    const input = join(dir, 'in.pdf');
    await writeFile(input, bytes);
    return await run(executable, ['-bbox-layout', '-enc', 'UTF-8', '-q', input, '-'], origin);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(executable: string, args: string[], origin: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(executable, args, { encoding: 'utf8', maxBuffer: MAX_OUTPUT, timeout: TIMEOUT_MS }, (err, stdout) => {
      if (!err) return resolve(stdout);
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      const message = missing
        ? `pdf: ${origin} needs pdftotext, which is not installed (apt-get install poppler-utils poppler-data)`
        : `pdf: pdftotext cannot read ${origin}`;
      reject(new InvalidDocumentError(message, { cause: err }));
    });
  });
}
