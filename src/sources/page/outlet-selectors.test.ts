/** Every outlet's page selectors are valid CSS for the DOM the page adapter uses. */
import { describe, expect, it } from 'vitest';
import { outlets } from '../../outlets/index.js';
import { parsePage } from './page-dom.js';

const doc = parsePage('<html><body><div id="x"><p>t</p></div></body></html>');
const rows = outlets.flatMap((o) =>
  Object.entries(o.page ?? {}).flatMap(([field, list]) =>
    (list as readonly string[]).map((selector) => [o.key, field, selector] as const),
  ),
);

describe('outlet page selectors', () => {
  it('exist for at least one outlet', () => expect(rows.length).toBeGreaterThan(0));
  it.each(rows)('%s %s %s parses', (_key, _field, selector) => {
    expect(() => doc.querySelector(selector)).not.toThrow();
  });
});
