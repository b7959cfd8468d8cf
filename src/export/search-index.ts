/**
 * search-index: the static site's search index, built in memory while the export walks the
 * articles, and written as a script (`assets/search-index.js`) that assigns a global, because a
 * page opened from `file://` cannot `fetch()` a JSON file in Chromium.
 */
import { encodePostings } from './postings.js';
import { indexTerms } from './search-tokens.js';

const HAN = /^\p{Script=Han}$/u;

/** The global the index script assigns (read by client-script.ts). */
export const INDEX_GLOBAL = 'CAIXUN_SEARCH_INDEX';

/** Characters of text kept per document to show under a result. */
export const LEAD_CHARS = 60;

/** What the index needs of one article. */
export interface SearchDocInput {
  title: string;
  /** Plain text of the body. */
  text: string;
  outletKey: string;
  outlet: string;
  /** The outlet's page, relative to the site root without `.html` (`outlet/eastmoney`). */
  outletPage: string;
  /** ISO 8601 or null. */
  publishedAt: string | null;
  categories: readonly string[];
  /** Page a result links to, relative to the site root without `.html` (`story/st-…`). */
  page: string;
}

/**
 * One document of the serialised index: `[title, page, outlet index, time, category indexes,
 * lead]`; `time` is `YYYY-MM-DDTHH:MM` in the article's own offset, or '' when undated.
 */
export type ClientDoc = [string, string, number, string, number[], string];

/** The serialised index. */
export interface ClientIndex {
  /** Format version. */
  v: 1;
  /** Documents, newest first: a document's number is its recency rank. */
  docs: ClientDoc[];
  /** `[key, display name, page]` of each outlet. */
  outlets: [string, string, string][];
  categories: string[];
  /** Letter/digit word → encoded postings (see postings.ts). */
  terms: Record<string, string>;
  /**
   * Han terms front-coded by their first character: the value is the postings of the character
   * alone (possibly empty), then for each bigram starting with it, its second character followed
   * by its postings (`碳` → `0排12峰3`). Postings are ASCII, so every non-ASCII character starts
   * the next bigram; this halves the index against one key per bigram.
   */
  han: Record<string, string>;
}

interface Pending {
  input: SearchDocInput;
  /** Ids of the document's distinct terms (see `#termIds`), kept compact until `build()`. */
  terms: Uint32Array;
}

/** Collects documents, then writes the index. */
export class SearchIndexBuilder {
  readonly #docs: Pending[] = [];
  readonly #termIds = new Map<string, number>();
  readonly #terms: string[] = [];

  /** Add an article (its title and text are tokenised now; only a short lead is kept). */
  add(doc: SearchDocInput): void {
    const found = indexTerms(`${doc.title}\n${doc.text}`);
    const terms = new Uint32Array(found.length);
    found.forEach((t, i) => {
      let id = this.#termIds.get(t);
      if (id === undefined) {
        id = this.#terms.push(t) - 1;
        this.#termIds.set(t, id);
      }
      terms[i] = id;
    });
    const lead = Array.from(doc.text.slice(0, LEAD_CHARS * 4).replace(/\s+/g, ' ').trim()).slice(0, LEAD_CHARS).join('');
    this.#docs.push({ input: { ...doc, text: lead }, terms });
  }

  /** Number of documents added. */
  get size(): number {
    return this.#docs.length;
  }

  /** The index: documents newest first (undated last), terms sorted. */
  build(): ClientIndex {
    const order = [...this.#docs].sort((a, b) => {
      const x = a.input.publishedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(a.input.publishedAt);
      const y = b.input.publishedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(b.input.publishedAt);
      return y - x || (a.input.page < b.input.page ? -1 : a.input.page > b.input.page ? 1 : 0);
    });
    const outlets = new Map<string, number>();
    const outletList: [string, string, string][] = [];
    const categories = new Map<string, number>();
    const postings: number[][] = this.#terms.map(() => []);
    const docs: ClientDoc[] = order.map((d, n) => {
      const { input } = d;
      let o = outlets.get(input.outletKey);
      if (o === undefined) {
        o = outletList.push([input.outletKey, input.outlet, input.outletPage]) - 1;
        outlets.set(input.outletKey, o);
      }
      const cats = input.categories.map((c) => {
        let i = categories.get(c);
        if (i === undefined) categories.set(c, (i = categories.size));
        return i;
      });
      for (const id of d.terms) postings[id]?.push(n);
      return [input.title, input.page, o, (input.publishedAt ?? '').slice(0, 16), cats, input.text];
    });
    const terms: Record<string, string> = {};
    const han: Record<string, string> = {};
    const byTerm = [...this.#terms.keys()].sort((x, y) => {
      const a = this.#terms[x] ?? '';
      const b = this.#terms[y] ?? '';
      return a < b ? -1 : a > b ? 1 : 0;
    });
    for (const id of byTerm) {
      const t = this.#terms[id] ?? '';
      const encoded = encodePostings(postings[id] ?? []);
      const [first = '', second = ''] = Array.from(t);
      if (!HAN.test(first)) terms[t] = encoded;
      else han[first] = `${han[first] ?? ''}${second}${encoded}`;
    }
    return { v: 1, docs, outlets: outletList, categories: [...categories.keys()], terms, han };
  }
}

/** The index as the `assets/search-index.js` script. */
export function indexScript(index: ClientIndex): string {
  // U+2028/2029 are valid in JSON but ended string literals in older JavaScript engines.
  const json = JSON.stringify(index).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `window.${INDEX_GLOBAL}=${json};\n`;
}
