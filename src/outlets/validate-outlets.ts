/** The schema of an outlet data file, and the check that every registered outlet meets it. */
import { z } from 'zod';
import type { Outlet } from './types.js';

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const regex = z.instanceof(RegExp);
/** An optional non-empty list of CSS selectors (article-page rules). */
const selectors = z.array(z.string().min(1)).min(1).optional();
const outletSchema = z.object({
  key: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  hosts: z.array(z.string().regex(/^(?!www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+$/)),
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone'),
  removeSelectors: z.array(z.string().min(1)),
  unwrapSelectors: z.array(z.string().min(1)),
  removeCommentRanges: z.array(z.object({ start: z.string().min(1), end: z.string().min(1) })),
  dropParagraphPatterns: z.array(regex),
  provenancePatterns: z.array(
    z.object({
      field: z.enum(['originalTitle', 'source', 'editor', 'author', 'reporter']),
      scope: z.enum(['paragraph', 'trailing', 'lead', 'sentence']),
      pattern: regex,
    }),
  ),
  example: z.union([
    z.object({ corpus: z.string().min(1) }),
    z.object({ fixture: z.string().min(1) }),
  ]),
  page: z
    .object({
      title: selectors,
      body: selectors,
      date: selectors,
      author: selectors,
      source: selectors,
      remove: selectors,
    })
    .strict()
    .optional(),
  print: z.object({ titleCodes: z.array(z.string().regex(/^[A-Z]+$/)) }).strict().optional(),
});

/** Checks every outlet against the schema; throws naming the outlet and the bad field. */
export function validateOutlets(list: readonly Outlet[]): readonly Outlet[] {
  for (const outlet of list) {
    const result = outletSchema.safeParse(outlet);
    if (!result.success) {
      throw new Error(`outlets: invalid outlet ${outlet.key}: ${result.error.message}`);
    }
  }
  return Object.freeze([...list]);
}
