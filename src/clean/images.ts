/** Which image URLs are worth keeping in an article's image list. */
import { isPlaceholderImage, isQuoteChartImage } from '../outlets/image-rules.js';
import { isAbsoluteHttpUrl } from './urls.js';

export { isPlaceholderImage, isQuoteChartImage };

/** Whether `url` belongs in an article's image list: absolute http(s), not placeholder, not chart. */
export function isArticleImage(url: string): boolean {
  return isAbsoluteHttpUrl(url) && !isPlaceholderImage(url) && !isQuoteChartImage(url);
}
