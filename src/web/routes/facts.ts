/**
 * The facts routes, a hono sub-app the web app mounts: `GET /api/facts?story=&subject=`,
 * `GET /api/facts/targets`, `GET /facts/subject/:subject`; and {@link factsPanelFor}, the
 * story page's facts panel. Reads only: claims are extracted by the derive step.
 */
import { Hono } from 'hono';
import { queryClaims, storyFacts, subjectFacts, targetReports, toClaimLine, toTargetLine } from '../../facts/query.js';
import type { Store } from '../../store/store.js';
import { UsageError } from '../../util/errors.js';
import { serverLinks, type Links } from '../links.js';
import { renderFactsPanel } from '../pages/facts-panel.js';
import { renderFactsSubjectPage } from '../pages/facts-subject.js';
import { badRequest, notFound } from '../web-error.js';

/** Options of {@link factsRoutes}. */
export interface FactsRoutesOptions {
  store: Store;
  /** URL builder. Default `serverLinks()`. */
  links?: Links | undefined;
}

const MAX_PARAM = 200;

function param(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (v.length > MAX_PARAM) throw badRequest(`${name} is longer than ${MAX_PARAM} characters`);
  return v;
}

/** The link to a subject's page. */
export const subjectHref = (subject: string): string => `/facts/subject/${encodeURIComponent(subject)}`;

/**
 * The facts sub-app.
 * @example app.route('/', factsRoutes({ store }))
 */
export function factsRoutes(options: FactsRoutesOptions): Hono {
  const { store } = options;
  const links = options.links ?? serverLinks();
  const app = new Hono();

  app.get('/api/facts', async (c) => {
    const story = param(c.req.query('story'), 'story');
    const subject = param(c.req.query('subject'), 'subject');
    if (story !== undefined) {
      let merged;
      try {
        merged = await storyFacts(store, story);
      } catch (err) {
        if (err instanceof UsageError) throw notFound(`no story ${story}`);
        throw err;
      }
      const claims = (await queryClaims(store, { storyId: story, ...(subject === undefined ? {} : { subject }) })).map(toClaimLine);
      return c.json({ story, versionIds: merged.versionIds, facts: merged.facts, claims });
    }
    return c.json({ claims: (await queryClaims(store, subject === undefined ? {} : { subject })).map(toClaimLine) });
  });

  app.get('/api/facts/targets', async (c) => c.json({ targets: (await targetReports(store)).map(toTargetLine) }));

  app.get('/facts/subject/:subject', async (c) => {
    const subject = param(c.req.param('subject'), 'subject');
    if (subject === undefined) throw badRequest('subject is required');
    const data = await subjectFacts(store, subject);
    return c.html(renderFactsSubjectPage(data, links), data.series.length === 0 && data.targets.length === 0 ? 404 : 200);
  });

  return app;
}

/**
 * The story page's facts panel for the web app's `factsPanel` option.
 * @example createApp({ store, factsPanel: factsPanelFor(store) })
 */
export function factsPanelFor(store: Store, links: Links = serverLinks()): (storyId: string) => Promise<string | undefined> {
  return async (storyId) => {
    const merged = await storyFacts(store, storyId);
    if (merged.facts.length === 0) return undefined;
    const outletOf = new Map<string, string>();
    for (const id of merged.versionIds) {
      const a = await store.getArticle(id);
      if (a !== undefined) outletOf.set(id, a.outlet);
    }
    return renderFactsPanel({ ...merged, outletOf, subjectHref }, links);
  };
}
