/** The OpenAPI 3.1 document of the JSON API, served at `/api/openapi.json`. */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const str = { type: 'string' };
const nullableStr = { type: ['string', 'null'] };
const strings = { type: 'array', items: str };
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, Json>, required = Object.keys(properties)): Json => ({ type: 'object', properties, required });

const errorResponse = (description: string): Json => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});
const ok = (schema: Json, description = 'OK'): Json => ({ description, content: { 'application/json': { schema } } });
const query = (name: string, description: string, schema: Json = str, required = false): Json => ({ name, in: 'query', required, description, schema });
const pathId = (description: string): Json => ({ name: 'id', in: 'path', required: true, description, schema: str });
const limit = query('limit', 'Page size (1–100, default 20).', { type: 'integer', minimum: 1, maximum: 100, default: 20 });
const after = query('after', 'The `nextCursor` of the previous page.');

const schemas: Record<string, Json> = {
  Error: obj({ error: obj({ code: str, message: str }) }),
  CharChange: obj({ at: { type: 'integer' }, from: str, to: str }),
  ParagraphRef: obj({ index: { type: 'integer' }, text: str }),
  StoryListEntry: obj({
    id: str,
    title: str,
    firstSeen: nullableStr,
    articleIds: strings,
    outlets: strings,
    representativeId: str,
    related: strings,
  }),
  StoryVersion: obj({
    articleId: str,
    outlet: str,
    outletKey: str,
    title: str,
    publishedAt: nullableStr,
    url: nullableStr,
    representative: { type: 'boolean' },
    lacks: { type: 'array', items: ref('ParagraphRef') },
    adds: { type: 'array', items: ref('ParagraphRef') },
    changed: {
      type: 'array',
      items: obj({ repIndex: { type: 'integer' }, versionIndex: { type: 'integer' }, changes: { type: 'array', items: ref('CharChange') } }),
    },
    relaid: {
      type: 'array',
      description: 'Paragraphs split or merged with no text lost (a layout change).',
      items: obj({ repIndices: { type: 'array', items: { type: 'integer' } }, versionIndices: { type: 'array', items: { type: 'integer' } } }),
    },
  }),
  StoryDetail: {
    allOf: [
      ref('StoryListEntry'),
      obj({
        lastSeen: nullableStr,
        attribution: strings,
        chain: {
          type: 'array',
          description: 'Who got the story from whom: each outlet once (display name), upstream first.',
          items: obj({ name: str, outletKey: nullableStr, publishedAt: nullableStr, from: strings }),
        },
        versions: { type: 'array', items: ref('StoryVersion') },
      }),
    ],
  },
  ArticleSummary: obj({
    id: str,
    outlet: str,
    outletKey: str,
    title: str,
    url: nullableStr,
    publishedAt: nullableStr,
    categories: strings,
    tags: strings,
    digest: nullableStr,
    storyId: nullableStr,
  }),
  Article: obj(
    {
      id: str,
      outlet: str,
      outletKey: str,
      title: str,
      url: nullableStr,
      publishedAt: nullableStr,
      fetchedAt: str,
      categories: strings,
      tags: strings,
      html: { type: 'string', description: 'Sanitised body HTML.' },
      text: str,
      images: strings,
      provenance: obj({ originalTitle: str, source: str, editor: str, author: str, reporter: str }, []),
      format: str,
      contentHash: str,
      digest: str,
      flags: { type: 'array', items: obj({ code: str, message: str }) },
      storyId: nullableStr,
    },
    ['id', 'outlet', 'outletKey', 'title', 'url', 'publishedAt', 'fetchedAt', 'categories', 'tags', 'html', 'text', 'images', 'provenance', 'format', 'contentHash', 'flags', 'storyId'],
  ),
  Outlet: obj({ key: str, name: str, articleCount: { type: 'integer' }, latestAt: nullableStr }),
  SearchHit: obj({
    storyId: nullableStr,
    articleId: str,
    title: str,
    outlet: str,
    outletKey: str,
    publishedAt: nullableStr,
    snippet: { type: 'string', description: 'Escaped text; matched terms in <mark>.' },
    score: { type: 'number' },
    alsoMatched: strings,
  }),
  SearchFacet: obj({ key: str, name: str, count: { type: 'integer' } }),
  SearchResponse: obj({
    total: { type: 'integer' },
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
    results: { type: 'array', items: ref('SearchHit') },
    facets: obj({ outlets: { type: 'array', items: ref('SearchFacet') }, categories: { type: 'array', items: ref('SearchFacet') } }),
  }),
};

const bad = errorResponse('Bad parameter');
const missing = errorResponse('Not found');

/** The OpenAPI 3.1 document (a fresh object each call). */
export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'caixun 财讯 API', version: '1', description: 'Stories, articles, outlets and search of a caixun archive.' },
    paths: {
      '/api/search': {
        get: {
          operationId: 'search',
          summary: 'Search the archive; results grouped by story',
          parameters: [
            query('q', 'Query: words, "phrases", -excluded, outlet:KEY.', str, true),
            query('outlet', 'Only this outlet (slug).'),
            query('category', 'Only this category.'),
            query('from', 'Published on or after (YYYY-MM-DD, Asia/Shanghai, or ISO 8601).'),
            query('to', 'Published on or before (inclusive).'),
            query('page', '1-based page.', { type: 'integer', minimum: 1, default: 1 }),
            query('pageSize', 'Results per page (1–100, default 20).', { type: 'integer', minimum: 1, maximum: 100, default: 20 }),
          ],
          responses: { '200': ok(ref('SearchResponse')), '400': bad, '503': errorResponse('Search index not available') },
        },
      },
      '/api/stories': {
        get: {
          operationId: 'listStories',
          summary: 'Stories, newest first',
          parameters: [limit, after],
          responses: { '200': ok(obj({ stories: { type: 'array', items: ref('StoryListEntry') }, nextCursor: nullableStr })), '400': bad },
        },
      },
      '/api/stories/{id}': {
        get: {
          operationId: 'getStory',
          summary: 'One story: every version against the representative',
          parameters: [pathId('Story id')],
          responses: { '200': ok(ref('StoryDetail')), '404': missing },
        },
      },
      '/api/articles': {
        get: {
          operationId: 'listArticles',
          summary: 'Articles, newest first',
          parameters: [query('outlet', 'Only this outlet (slug).'), limit, after],
          responses: { '200': ok(obj({ articles: { type: 'array', items: ref('ArticleSummary') }, nextCursor: nullableStr })), '400': bad },
        },
      },
      '/api/articles/{id}': {
        get: {
          operationId: 'getArticle',
          summary: 'One canonical article',
          parameters: [pathId('Article id')],
          responses: { '200': ok(ref('Article')), '404': missing },
        },
      },
      '/api/outlets': {
        get: {
          operationId: 'listOutlets',
          summary: 'Outlets with their article counts',
          responses: { '200': ok(obj({ outlets: { type: 'array', items: ref('Outlet') } })) },
        },
      },
    },
    components: { schemas },
  };
}
