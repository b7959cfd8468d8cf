/**
 * extract-positions: text items with positions and font sizes from a PDF, with pdf.js
 * (pdfjs-dist 4, legacy build for Node) configured with its Adobe CMaps and standard fonts, so
 * CID fonts encoded through predefined CMaps (UniGB-UCS2-H, Adobe-GB1 …) map to Unicode.
 * Reading order and fake-bold removal are layout-page.ts.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InvalidDocumentError } from '../../util/errors.js';
import type { PositionedText } from './layout-page.js';

/** The items of one page. */
export interface PdfPageItems {
  /** 1-based page number. */
  page: number;
  items: PositionedText[];
  /** Glyphs are drawn on the page although no text item came out (set only then). */
  glyphsWithoutText?: boolean;
}

/** Options for {@link extractTextPositions}. */
export interface ExtractOptions {
  /**
   * Folder of pdf.js's packed Adobe CMaps (ending in `/`). Default: `cmaps/` of the installed
   * pdfjs-dist; `null` reads without CMaps (what an unconfigured reader does; for tests).
   */
  cMapUrl?: string | null;
}

/**
 * pdf.js, loaded when the first PDF is read: its legacy build installs core-js polyfills that
 * replace globals such as `JSON.parse` (18 % of a Markdown import ran through the polyfill), so
 * a process that never reads a PDF never loads it.
 */
async function loadPdfjs(): Promise<{ getDocument: typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument; showText: ReadonlySet<number> }> {
  const { OPS, getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const showText = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
  return { getDocument, showText };
}

let assets: { cMapUrl: string; standardFontDataUrl: string } | undefined;

/**
 * Where the installed pdfjs-dist keeps its CMaps and standard font data, resolved through Node's
 * module resolution (so it works from src/, dist/ and hoisted node_modules alike).
 */
export function pdfjsAssetUrls(): { cMapUrl: string; standardFontDataUrl: string } {
  if (!assets) {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    assets = { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
  }
  return assets;
}

/**
 * Read every page's text items. Items are in drawing order, duplicates (fake bold) included.
 *
 * @param origin names the document in error messages.
 * @throws InvalidDocumentError when the PDF is broken or encrypted.
 * @example
 * const pages = await extractTextPositions(readFileSync(path), path);
 */
export async function extractTextPositions(data: Uint8Array, origin: string, options: ExtractOptions = {}): Promise<PdfPageItems[]> {
  const { getDocument, showText } = await loadPdfjs();
  const urls = pdfjsAssetUrls();
  const cMapUrl = options.cMapUrl === undefined ? urls.cMapUrl : options.cMapUrl;
  // pdf.js takes ownership of (and detaches) the buffer it is given: pass a copy.
  const task = getDocument({
    data: new Uint8Array(data),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    standardFontDataUrl: urls.standardFontDataUrl,
    ...(cMapUrl === null ? {} : { cMapUrl, cMapPacked: true }),
  });
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
      const result: PdfPageItems = { page: n, items };
      // No text at all: were glyphs drawn that pdf.js could not map? (Only then is it worth the cost.)
      if (items.every((i) => i.text.trim() === '')) {
        const ops = await page.getOperatorList();
        if (ops.fnArray.some((fn) => showText.has(fn))) result.glyphsWithoutText = true;
      }
      pages.push(result);
      page.cleanup();
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
