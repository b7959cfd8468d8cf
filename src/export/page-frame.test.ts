import { describe, expect, it } from 'vitest';
import { renderHomePage } from '../web/pages/home.js';
import { CONTENT_SECURITY_POLICY } from '../web/security.js';
import { EXPORT_CSP, withCsp, withSearchScripts } from './page-frame.js';
import { staticLinks } from './static-links.js';

describe('page frame', () => {
  const page = '<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body><main><h1>搜索</h1></main></body></html>';

  it('puts the policy right after the charset', () => {
    expect(withCsp(page)).toBe(
      `<!doctype html><html><head><meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}"><title>t</title></head><body><main><h1>搜索</h1></main></body></html>`,
    );
    expect(EXPORT_CSP).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src https: data:; form-action 'self'; base-uri 'none'");
  });

  it("is the server's policy plus the site's own scripts, less frame-ancestors (ignored in a <meta>)", () => {
    const directives = (csp: string): Map<string, string> => new Map(csp.split('; ').map((d) => [d.slice(0, d.indexOf(' ')), d.slice(d.indexOf(' ') + 1)]));
    const server = directives(CONTENT_SECURITY_POLICY);
    const site = directives(EXPORT_CSP);
    expect(site.get('script-src')).toBe("'self'");
    server.delete('frame-ancestors');
    site.delete('script-src');
    expect(site).toEqual(server);
    // A plain-HTTP image (tracker pixels in scraped articles) loads from neither.
    expect(site.get('img-src')?.split(' ')).not.toContain('http:');
  });

  it('adds the result slot and the external scripts to the search page', () => {
    expect(withSearchScripts(page, ['assets/a.js', 'assets/b.js'])).toBe(
      '<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body><main><h1>搜索</h1><div id="search-results" aria-live="polite"></div>\n</main><script src="assets/a.js"></script>\n<script src="assets/b.js"></script>\n</body></html>',
    );
  });

  it('fits the web UI layout, and refuses a page without the markers', () => {
    const home = withCsp(renderHomePage({ stories: [], nextCursor: null }, staticLinks(0)));
    expect(home).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(() => withCsp('<html></html>')).toThrow(/no "<meta charset=\\"utf-8\\">"/);
    expect(() => withSearchScripts('<html></html>', [])).toThrow(/no "<\/main>"/);
  });
});
