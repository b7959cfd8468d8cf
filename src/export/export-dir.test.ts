import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../util/errors.js';
import { ExportDir, MANIFEST_NAME, sectionOf } from './export-dir.js';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'caixun-export-dir-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const manifestOf = (dir: string): { files: string[] } => JSON.parse(readFileSync(join(dir, MANIFEST_NAME), 'utf8')) as { files: string[] };

describe('ExportDir', () => {
  it('creates a missing directory and claims it before writing anything else', () => {
    const dir = join(tmp, 'a', 'b');
    ExportDir.open(dir);
    expect(manifestOf(dir).files).toEqual([]);
  });

  it('recognises an interrupted export as its own', () => {
    const dir = join(tmp, 'out');
    const first = ExportDir.open(dir);
    first.write('story/x.html', 'x');
    // no finish(): the process died here
    const again = ExportDir.open(dir);
    expect(again.isPreviousExport).toBe(true);
  });

  it('refuses a user directory without force, and an unreadable manifest does not make it ours', () => {
    writeFileSync(join(tmp, MANIFEST_NAME), '{not json');
    expect(() => ExportDir.open(tmp)).toThrow(UsageError);
    expect(readFileSync(join(tmp, MANIFEST_NAME), 'utf8')).toBe('{not json');
  });

  it('writes nested files, counts bytes, and refuses paths that leave the directory', () => {
    const out = ExportDir.open(join(tmp, 'o'));
    out.write('jekyll/_posts/2021-12-20-a.md', '碳');
    expect(out.bytesWritten).toBe(3);
    for (const bad of ['../x', '/etc/x', 'a//b', 'a/../../b']) expect(() => out.write(bad, '')).toThrow(/bad output path/);
  });

  it('finish removes only stale files of the sections written again, and lists what it keeps', () => {
    const dir = join(tmp, 'o');
    const first = ExportDir.open(dir);
    for (const f of ['index.html', 'story/old.html', 'jekyll/_posts/old.md', 'hexo/source/_posts/old.md']) first.write(f, 'x');
    first.finish(['site', 'jekyll', 'hexo']);
    mkdirSync(join(dir, 'story'), { recursive: true });
    writeFileSync(join(dir, 'story', 'mine.html'), 'user file');
    const second = ExportDir.open(dir);
    second.write('index.html', 'y');
    expect(second.finish(['site', 'hexo'])).toEqual(['hexo/source/_posts/old.md', 'story/old.html']);
    expect(existsSync(join(dir, 'story', 'mine.html'))).toBe(true);
    expect(existsSync(join(dir, 'jekyll', '_posts', 'old.md'))).toBe(true);
    expect(manifestOf(dir).files).toEqual(['index.html', 'jekyll/_posts/old.md']);
  });

  it.each([
    ['jekyll/_posts/a.md', 'jekyll'],
    ['hexo/source/_posts/a.md', 'hexo'],
    ['assets/search.js', 'site'],
    ['jekyll.html', 'site'],
  ] as const)('%s belongs to %s', (path, section) => expect(sectionOf(path)).toBe(section));
});
