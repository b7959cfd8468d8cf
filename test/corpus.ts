/** Paths into the shared development corpus (`../shared/corpus` beside the project root). */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const corpusDir = resolve(projectRoot, '..', 'shared', 'corpus');

/** Every file below `corpus/<sub>` (recursive), sorted, as absolute paths. */
export function corpusFiles(sub: string, ext = '.md'): string[] {
  const root = join(corpusDir, sub);
  if (!existsSync(root)) throw new Error(`corpus folder missing: ${root}`);
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(ext)) out.push(p);
    }
  };
  walk(root);
  return out;
}
