/** The small view shapes the page renderers take (built by the data layer, or by the export). */

/** An outlet: slug and display name. */
export interface OutletRef {
  key: string;
  name: string;
}

/** A story in a list (home river, related stories, outlet pages). */
export interface StoryCard {
  id: string;
  title: string;
  /** ISO 8601 or null. */
  firstSeen: string | null;
  /** How many articles (versions) the story has. */
  articleCount: number;
  /** Outlets carrying it, in order of first appearance. */
  outlets: OutletRef[];
}

/** An article in a list (outlet and category pages). */
export interface ArticleCard {
  id: string;
  title: string;
  outlet: OutletRef;
  /** ISO 8601 or null. */
  publishedAt: string | null;
  /** Story the article belongs to, or null when not clustered. */
  storyId: string | null;
  /** The source's summary line, when it has one. */
  digest?: string | undefined;
}
