/**
 * The schema of `caixun.config.yaml` (zod). Durations are written `5m`, sizes `10MB`; the
 * parsed config holds milliseconds and bytes. Every field but `sources[].key/kind/url/outlet`
 * has a default.
 */
import { z } from 'zod';
import { parseDuration, parseSize } from './duration.js';
import { SHANGHAI_ZONE } from '../util/shanghai-time.js';

/** Value kinds the configuration reference names (docs/configuration.md, `npm run docs:config`). */
export const valueKinds = new Map<z.ZodTypeAny, string>();

const duration = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value * 1000 : parseDuration(value);
  if (ms === undefined || !(ms > 0)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'expected a duration like 5m' });
    return z.NEVER;
  }
  return ms;
});
valueKinds.set(duration, 'duration');

const size = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const bytes = typeof value === 'number' ? value : parseSize(value);
  if (bytes === undefined || !(bytes > 0)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'expected a size like 10MB' });
    return z.NEVER;
  }
  return bytes;
});
valueKinds.set(size, 'size');

const httpUrl = z
  .string()
  .url('expected an http(s) URL')
  .refine((u) => /^https?:\/\//i.test(u), 'expected an http(s) URL');

/** Where a JSON news API keeps each field; paths are dot-separated (`data.list`, `0.title`). */
const newsApiMapping = z
  .object({
    /** Path to the records array in the list response; '' when the response is the array. */
    recordsPath: z.string().default('').describe("path to the records array in the list response; '' when the response is the array"),
    fields: z
      .object({
        code: z.string().default('code').describe("path to the record's id (fills `{code}` of detailUrl)"),
        title: z.string().default('title').describe("path to the record's title"),
        digest: z.string().default('digest').describe("path to the record's summary"),
        showTime: z.string().default('showTime').describe("path to the record's publication time"),
        mediaName: z.string().default('mediaName').describe("path to the record's original outlet name"),
        url: z.string().optional().describe("path to the record's article URL"),
      })
      .strict()
      .default({})
      .describe('where each field of a record is (dot-separated paths)'),
    /** Detail endpoint with `{code}`, e.g. `https://api.example.com/text?code={code}`. */
    detailUrl: z
      .string()
      .includes('{code}', { message: 'expected a URL template containing {code}' })
      .optional()
      .describe('detail endpoint with `{code}`, e.g. `https://api.example.com/text?code={code}`'),
    /** Path to the article HTML in the detail response. Default `content`. */
    detailHtmlPath: z.string().default('content').describe('path to the article HTML in the detail response'),
    /** Time zone of `showTime` values. Default Asia/Shanghai. */
    timeZone: z.string().default(SHANGHAI_ZONE).describe('time zone of `showTime` values'),
  })
  .strict();

/** How a `page` source finds its article pages. */
const pageOptions = z
  .object({
    /**
     * CSS selector of the article links on the list page at `url`. Without it, `url` (and
     * `urls`) are article pages themselves.
     */
    links: z.string().min(1).optional().describe('CSS selector of the article links on the list page at `url`; without it `url` (and `urls`) are article pages'),
    /** Only links whose absolute URL matches this regular expression. */
    linkPattern: z
      .string()
      .refine((p) => {
        try {
          new RegExp(p, 'u');
          return true;
        } catch {
          return false;
        }
      }, 'expected a regular expression')
      .optional()
      .describe('only links whose absolute URL matches this regular expression'),
    /** Article links taken from the list page per round. Default 30. */
    maxLinks: z.number().int().min(1).max(500).default(30).describe('article links taken from the list page per round'),
  })
  .strict();

/** Which PDFs an `epaper` source fetches: `url` is a template with date and page placeholders. */
const epaperOptions = z
  .object({
    /** Highest page number tried per day; a 404 ends the day early. Default 8. */
    pages: z.number().int().min(1).max(100).default(8).describe('highest page number tried per day; a 404 ends the day early'),
    /** Days fetched, today and the ones before it. Default 1 (today). */
    days: z.number().int().min(1).max(31).default(1).describe('days fetched, today and the ones before it'),
    /** Zone whose calendar day fills `{yyyy}{mm}{dd}`. Default Asia/Shanghai. */
    timeZone: z.string().default(SHANGHAI_ZONE).describe('zone whose calendar day fills `{yyyy}{mm}{dd}`'),
  })
  .strict();

const source = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase slug like sina-finance')
      .describe('unique name of the source, a lowercase slug like `sina-finance`'),
    kind: z
      .enum(['feed', 'newsapi', 'page', 'epaper'])
      .describe('RSS/Atom/JSON feed, JSON news API, HTML pages, or daily PDF pages of a newspaper'),
    url: httpUrl.describe('feed, API list, list page or PDF URL template (epaper: `{yyyy}{mm}{dd}` and `{page}`)'),
    outlet: z.string().min(1, 'expected an outlet name or key').describe("outlet name or key stamped on the source's articles"),
    every: duration.default('15m').describe('how often the source is polled'),
    categories: z.array(z.string().min(1)).default([]).describe("categories added to the source's articles"),
    enabled: z.boolean().default(true).describe('false: configured but not polled'),
    newsapi: newsApiMapping.optional().describe('field mapping of a `newsapi` source (required there)'),
    /** More article pages of a `page` source, polled with `url`. */
    urls: z.array(httpUrl).default([]).describe('more article pages of a `page` source, polled with `url`'),
    page: pageOptions.optional().describe('how a `page` source finds its article pages'),
    epaper: epaperOptions.optional().describe('which PDFs an `epaper` source fetches'),
    /**
     * Feeds: fetch the article page for items whose feed body is only a summary (`auto`:
     * no full content and under 200 characters of text), for every item (`always`) or never.
     */
    fullText: z
      .enum(['auto', 'always', 'never'])
      .default('auto')
      .describe("feeds: fetch the article page of summary-only items (`auto`: no full content and under 200 characters), of every item, or never"),
    /**
     * Feeds: most items not stored yet that one poll takes (newest first); overrides
     * `schedule.maxItemsPerPoll` for this source.
     */
    maxItemsPerPoll: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .optional()
      .describe('feeds: most items not stored yet that one poll of this source takes (overrides schedule.maxItemsPerPoll)'),
  })
  .strict();

const hostLimit = z
  .object({
    /** Requests in flight at once to one host. */
    concurrency: z.number().int().min(1).max(64).default(2).describe('requests in flight at once to one host'),
    /** Pause between two requests to one host. */
    minDelay: duration.or(z.literal(0)).default('1s').describe('pause between two requests to one host'),
  })
  .strict();

const network = z
  .object({
    allowPrivate: z.boolean().default(false).describe('allow fetching from private, loopback and link-local addresses'),
    allowAddresses: z
      .array(z.string().ip({ message: 'expected an IP address' }))
      .default([])
      .describe('private addresses allowed anyway (e.g. a self-hosted RSSHub on the LAN)'),
    userAgent: z.string().min(1).optional().describe('User-Agent header of every request (default: caixun/0.1 with a link)'),
    connectTimeout: duration.default('10s').describe('longest wait for a connection'),
    headersTimeout: duration.default('20s').describe('longest wait for the response headers'),
    bodyTimeout: duration.default('60s').describe('longest wait for the whole body'),
    maxBodySize: size.default('10MB').describe('larger responses fail as too-large'),
    maxRedirects: z.number().int().min(0).max(20).default(5).describe('redirects followed per request'),
    retries: z.number().int().min(0).max(10).default(2).describe('retries of a request that failed for a passing reason'),
    retryDelay: duration.default('500ms').describe('wait before the first retry (doubled each time)'),
    /** Per-host limits; `default` applies to hosts not listed. */
    hosts: z.record(hostLimit).default({}).describe('per-host limits by host name; `default` applies to hosts not listed'),
  })
  .strict();

/** The configuration file's schema. */
export const configSchema = z
  .object({
    sources: z.array(source).min(1, 'expected at least one source').describe('what is polled (at least one)'),
    network: network.default({}).describe('how requests are made'),
    schedule: z
      .object({
        /** Longest wait before retrying a source that keeps failing. */
        backoffCeiling: duration.default('6h').describe('longest wait before retrying a source that keeps failing'),
        /** Random extra wait after each poll, as a fraction of the interval (0.1 = up to +10 %). */
        jitter: z.number().min(0).max(1).default(0.1).describe('random extra wait after each poll, as a fraction of the interval'),
        /** Sources polled at once by the scheduler (per-host limits apply on top). */
        concurrency: z.number().int().min(1).max(256).default(16).describe('sources polled at once (per-host limits apply on top)'),
        /**
         * Feeds: most items not stored yet that one poll takes, newest first (a source may
         * override it). The rest are taken by later polls, so one huge feed cannot stall a
         * round or the derive steps after it. Default 200.
         */
        maxItemsPerPoll: z
          .number()
          .int()
          .min(1)
          .max(100_000)
          .default(200)
          .describe('feeds: most items not stored yet that one poll takes; the rest come with later polls, so a huge feed cannot stall a round'),
        /** Feeds: when a poll left items for later, the source is due again after this. Default 1m. */
        backlogDelay: duration.default('1m').describe('feeds: when a poll left items for later, the source is due again after this'),
      })
      .strict()
      .default({})
      .describe('when sources are polled'),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.sources.forEach((s, i) => {
      if (seen.has(s.key))
        ctx.addIssue({
          code: 'custom',
          path: ['sources', i, 'key'],
          message: `duplicate key ${s.key}`,
        });
      seen.add(s.key);
      if (s.kind === 'epaper' && !/\{(?:yyyy|yy|mm|dd|m|d)\}/.test(s.url)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', i, 'url'],
          message: 'an epaper URL needs date placeholders such as {yyyy}{mm}{dd}',
        });
      }
      if (s.kind === 'newsapi' && !s.newsapi) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', i, 'newsapi'],
          message: 'a newsapi source needs a newsapi mapping',
        });
      }
    });
  });

/** The validated configuration (durations in ms, sizes in bytes). */
export type CaixunConfig = z.output<typeof configSchema>;
/** One configured source. */
export type SourceConfig = CaixunConfig['sources'][number];
/** A news API field mapping. */
export type NewsApiMapping = z.output<typeof newsApiMapping>;
/** Options of an `epaper` source. */
export type EpaperOptions = z.output<typeof epaperOptions>;
/** Options of a `page` source. */
export type PageOptions = z.output<typeof pageOptions>;
/** Per-host request limits. */
export type HostLimit = z.output<typeof hostLimit>;
