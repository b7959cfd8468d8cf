/** Wire types: what a feed (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed) says, format differences folded. */

/** The feed formats the parser reads. */
export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

/** One feed item as the feed states it; links already absolute. */
export interface FeedItem {
  /** guid / Atom id / JSON Feed id, when present. */
  guid?: string;
  /** Absolute link to the article page. */
  link?: string;
  /** Title as given (may be empty). */
  title: string;
  /** Full content HTML (content:encoded, Atom content, content_html / content_text). */
  contentHtml?: string;
  /** Summary HTML (description, Atom summary, JSON summary). */
  summaryHtml?: string;
  /** Date text as given (pubDate, published, updated, dc:date, date_published). */
  date?: string;
  /** Author names. */
  authors: string[];
  /** Category and tag names. */
  categories: string[];
  /** Cover image URL (enclosure image or JSON Feed image). */
  image?: string;
}

/** A parsed feed. */
export interface ParsedFeed {
  format: FeedFormat;
  title: string;
  /** The site's home page, when given. */
  link?: string;
  items: FeedItem[];
}
