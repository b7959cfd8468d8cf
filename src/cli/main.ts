#!/usr/bin/env node
/** The `caixun` command line. Each command lives in commands/; errors end in exit.ts. */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_DB } from '../store/open-store.js';
import { runArticlesCommand } from './commands/articles.js';
import { runExportCommand } from './commands/export.js';
import { runFetchCommand } from './commands/fetch.js';
import { runImportCommand } from './commands/import.js';
import { runReclusterCommand, runStoriesCommand, runStoryCommand } from './commands/stories.js';
import { EXIT, reportError } from './exit.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

const dbOption = (): Option =>
  new Option('--db <file>', 'SQLite database file').default(process.env.CAIXUN_DB || DEFAULT_DB);

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('caixun')
    .description('caixun 财讯: archive, fold and search Chinese financial and policy news')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('import')
    .description('import Jekyll/Hexo/Markdown/HTML archives (files or folders; format detected from content)')
    .argument('<paths...>', 'files or folders to import')
    .addOption(dbOption())
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'do not show progress')
    .option('--no-stories', 'do not fold the imported articles into stories now (run `caixun recluster` later)')
    .addOption(new Option('--workers <n>', 'worker threads (default: cores; 0 = none)').argParser(positiveInt))
    .action(async (paths: string[], opts: { db: string; json?: boolean; progress: boolean; stories: boolean; workers?: number }) => {
      setExit(await runImportCommand(paths, opts));
    });

  program
    .command('fetch')
    .description('poll every configured source once (feeds, news APIs), store new articles, exit')
    .option('--config <file>', 'configuration file', 'caixun.config.yaml')
    .addOption(dbOption())
    .option('--json', 'print the summary as JSON')
    .option('--source <keys...>', 'only these sources')
    .action(async (opts: { config: string; db: string; json?: boolean; source?: string[] }) =>
      setExit(await runFetchCommand(opts)),
    );

  program
    .command('export')
    .description('print every article, one JSON object per line')
    .addOption(dbOption())
    .option('--format <format>', 'output format', 'jsonl')
    .action(async (opts: { db: string; format: string }) => setExit(await runExportCommand(opts)));

  program
    .command('articles')
    .description('list the newest articles')
    .addOption(dbOption())
    .option('--json', 'one JSON object per line')
    .option('--outlet <key>', 'only this outlet')
    .addOption(new Option('--limit <n>', 'how many').argParser(positiveInt).default(50))
    .action(async (opts: { db: string; json?: boolean; outlet?: string; limit: number }) =>
      setExit(await runArticlesCommand(opts)),
    );

  program
    .command('stories')
    .description('list stories (copies and same-event reports folded together), newest first')
    .addOption(dbOption())
    .option('--json', 'one JSON object per story per line')
    .addOption(new Option('--limit <n>', 'how many').argParser(positiveInt).default(50))
    .action(async (opts: { db: string; json?: boolean; limit: number }) => setExit(await runStoriesCommand(opts)));

  program
    .command('story')
    .description("show one story's versions and what each lacks, adds and changes against the representative")
    .argument('<id>', 'story id (from `caixun stories`)')
    .addOption(dbOption())
    .option('--json', 'print the story as one JSON object')
    .action(async (id: string, opts: { db: string; json?: boolean }) => setExit(await runStoryCommand(id, opts)));

  program
    .command('recluster')
    .description('rebuild every story from the stored articles')
    .addOption(dbOption())
    .option('--json', 'print the counts as JSON')
    .option('--no-progress', 'do not show progress')
    .action(async (opts: { db: string; json?: boolean; progress: boolean }) => setExit(await runReclusterCommand(opts)));

  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv as string[]);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander has already printed help or the usage problem
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    return reportError(err);
  }
}

process.exitCode = await main(process.argv);
