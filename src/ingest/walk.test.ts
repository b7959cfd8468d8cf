import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectDocuments } from './walk.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'caixun-walk-'));
  const outside = join(root, 'outside');
  mkdirSync(join(outside, 'deep'), { recursive: true });
  writeFileSync(join(outside, 'linked.md'), '# a');
  writeFileSync(join(outside, 'deep', 'in-linked-folder.md'), '# b');
  const archive = join(root, 'archive');
  mkdirSync(archive);
  writeFileSync(join(archive, 'plain.md'), '# c');
  symlinkSync(join(outside, 'linked.md'), join(archive, 'file-link.md'));
  symlinkSync(join(outside, 'deep'), join(archive, 'folder-link'));
  symlinkSync(archive, join(archive, 'loop'));
  symlinkSync(join(root, 'missing.md'), join(archive, 'broken.md'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('collectDocuments', () => {
  it('follows symlinked files and folders, walks a loop once and reports it and a broken link', () => {
    const archive = join(root, 'archive');
    const { files, skipped } = collectDocuments([archive]);
    expect(files).toEqual(
      [join(archive, 'file-link.md'), join(archive, 'folder-link', 'in-linked-folder.md'), join(archive, 'plain.md')].sort(),
    );
    expect(skipped).toEqual([
      { path: join(archive, 'broken.md'), reason: expect.stringMatching(/broken symlink/) },
      { path: join(archive, 'loop'), reason: expect.stringMatching(/loop/) },
    ]);
  });
});
