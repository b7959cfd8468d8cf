/**
 * Shapes shared by the clusterer and whoever persists it: the article as the clusterer sees it,
 * and the per-story state the store must keep between runs.
 */

/** What the clusterer needs from an article (a projection of `Article`). */
export interface ClusterInput {
  /** Article id (`Article.id`). */
  id: string;
  /** Article title. */
  title: string;
  /** Plain text, paragraphs separated by blank lines (`Article.text`). */
  text: string;
  /** ISO 8601 publication time; null when unknown (then only exact/reprint matching applies). */
  publishedAt: string | null;
  /** Outlet slug (`Article.outletKey`). */
  outletKey: string;
  /** Original publisher named in the text (`Article.provenance.source`), when stated. */
  provenanceSource?: string;
}
