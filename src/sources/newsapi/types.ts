/** Wire type of a JSON news API (list + detail), after the configured field mapping. */

/** One record of the list endpoint. */
export interface NewsApiRecord {
  /** Native id (the finews infoCode). */
  code: string;
  title: string;
  digest?: string;
  /** Show time as given, e.g. `2021-12-20 20:21:15` (Asia/Shanghai unless configured). */
  showTime?: string;
  /** Outlet the record names (`from` / `medianame`). */
  mediaName?: string;
  /** Link to the article page, when the mapping names a field for it. */
  url?: string;
}
