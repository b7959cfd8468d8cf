/**
 * The schema of `caixun.config.yaml` (zod). Durations are written `5m`, sizes `10MB`; the
 * parsed config holds milliseconds and bytes. Every field but `sources[].key/kind/url/outlet`
 * has a default.
 */
import { z } from 'zod';
import { parseDuration, parseSize } from './duration.js';

const duration = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value * 1000 : parseDuration(value);
  if (ms === undefined || !(ms > 0)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'expected a duration like 5m' });
    return z.NEVER;
  }
  return ms;
});

const size = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const bytes = typeof value === 'number' ? value : parseSize(value);
  if (bytes === undefined || !(bytes > 0)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'expected a size like 10MB' });
    return z.NEVER;
  }
  return bytes;
});

const httpUrl = z
  .string()
  .url('expected an http(s) URL')
  .refine((u) => /^https?:\/\//i.test(u), 'expected an http(s) URL');

/** Where a JSON news API keeps each field; paths are dot-separated (`data.list`, `0.title`). */
const newsApiMapping = z
  .object({
    /** Path to the records array in the list response; '' when the response is the array. */
    recordsPath: z.string().default(''),
    fields: z
      .object({
        code: z.string().default('code'),
        title: z.string().default('title'),
        digest: z.string().default('digest'),
        showTime: z.string().default('showTime'),
        mediaName: z.string().default('mediaName'),
        url: z.string().optional(),
      })
      .strict()
      .default({}),
    /** Detail endpoint with `{code}`, e.g. `https://api.example.com/text?code={code}`. */
    detailUrl: z
      .string()
      .includes('{code}', { message: 'expected a URL template containing {code}' })
      .optional(),
    /** Path to the article HTML in the detail response. Default `content`. */
    detailHtmlPath: z.string().default('content'),
    /** Time zone of `showTime` values. Default Asia/Shanghai. */
    timeZone: z.string().default('Asia/Shanghai'),
  })
  .strict();

const source = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase slug like sina-finance'),
    kind: z.enum(['feed', 'newsapi', 'page', 'epaper']),
    url: httpUrl,
    outlet: z.string().min(1, 'expected an outlet name or key'),
    every: duration.default('15m'),
    categories: z.array(z.string().min(1)).default([]),
    enabled: z.boolean().default(true),
    newsapi: newsApiMapping.optional(),
  })
  .strict();

const hostLimit = z
  .object({
    /** Requests in flight at once to one host. */
    concurrency: z.number().int().min(1).max(64).default(2),
    /** Pause between two requests to one host. */
    minDelay: duration.or(z.literal(0)).default('1s'),
  })
  .strict();

const network = z
  .object({
    allowPrivate: z.boolean().default(false),
    allowAddresses: z.array(z.string().ip({ message: 'expected an IP address' })).default([]),
    userAgent: z.string().min(1).optional(),
    connectTimeout: duration.default('10s'),
    headersTimeout: duration.default('20s'),
    bodyTimeout: duration.default('60s'),
    maxBodySize: size.default('10MB'),
    maxRedirects: z.number().int().min(0).max(20).default(5),
    retries: z.number().int().min(0).max(10).default(2),
    retryDelay: duration.default('500ms'),
    /** Per-host limits; `default` applies to hosts not listed. */
    hosts: z.record(hostLimit).default({}),
  })
  .strict();

/** The configuration file's schema. */
export const configSchema = z
  .object({
    sources: z.array(source).min(1, 'expected at least one source'),
    network: network.default({}),
    schedule: z
      .object({
        /** Longest wait before retrying a source that keeps failing. */
        backoffCeiling: duration.default('6h'),
      })
      .strict()
      .default({}),
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
/** Per-host request limits. */
export type HostLimit = z.output<typeof hostLimit>;
