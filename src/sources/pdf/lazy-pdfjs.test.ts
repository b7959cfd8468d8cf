/**
 * pdf.js's legacy build replaces globals (JSON.parse among them) with core-js polyfills when it
 * loads; the import pipeline loads it only when it reads a PDF.
 */
import { describe, expect, it } from 'vitest';

describe('pdf.js is loaded on demand', () => {
  it('leaves JSON.parse alone while the import pipeline and the CLI commands are loaded', async () => {
    const native = JSON.parse;
    await import('../../ingest/import-job.js');
    await import('../../ingest/process-document.js');
    await import('../../cli/commands/import.js');
    await import('../../cli/commands/fetch.js');
    expect(JSON.parse).toBe(native);
  });
});
