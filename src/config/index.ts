/** caixun.config.yaml: schema and loader. */
export { ConfigError, loadConfig, parseConfig, validateConfig } from './load-config.js';
export type { CaixunConfig, HostLimit, NewsApiMapping, SourceConfig } from './schema.js';
export { parseDuration, parseSize } from './duration.js';
