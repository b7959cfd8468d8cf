#!/usr/bin/env node
/** The `caixun` command line. Each command lives in commands/; errors end in exit.ts. */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_DB } from '../store/db-spec.js';
import type { FactsCommandOptions } from './commands/facts.js';
import type { MigrateCommandOptions } from './commands/migrate.js';
import type { PruneCommandOptions } from './commands/prune.js';
import type { SearchCommandOptions } from './commands/search.js';
import { EXIT, reportError } from './exit.js';
import { readPackageVersion } from './package-version.js';
import { takeTrailingOptions } from './trailing-options.js';

/**
 * `name` of a command's module, loaded on its first call: `caixun --help` loads no command and
 * each command only what it uses (pdf.js, jieba, hono and the stores stay out of the others).
 */
function onDemand<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  const call = async (...args: unknown[]): Promise<unknown> => ((await load())[name] as (...a: unknown[]) => unknown)(...args);
  return call as M[K];
}

const runArticlesCommand = onDemand(() => import('./commands/articles.js'), 'runArticlesCommand');
const runExportCommand = onDemand(() => import('./commands/export.js'), 'runExportCommand');
const runExportSiteCommand = onDemand(() => import('./commands/export-site.js'), 'runExportSiteCommand');
const runFactsCommand = onDemand(() => import('./commands/facts.js'), 'runFactsCommand');
const runFetchCommand = onDemand(() => import('./commands/fetch.js'), 'runFetchCommand');
const runImportCommand = onDemand(() => import('./commands/import.js'), 'runImportCommand');
const runSourcesOpmlCommand = onDemand(() => import('./commands/opml.js'), 'runSourcesOpmlCommand');
const runImportOpmlCommand = onDemand(() => import('./commands/opml.js'), 'runImportOpmlCommand');
const runSourcesCommand = onDemand(() => import('./commands/sources.js'), 'runSourcesCommand');
const runStartCommand = onDemand(() => import('./commands/start.js'), 'runStartCommand');
const runWorkerCommand = onDemand(() => import('./commands/worker.js'), 'runWorkerCommand');
const runMigrateCommand = onDemand(() => import('./commands/migrate.js'), 'runMigrateCommand');
const runPruneCommand = onDemand(() => import('./commands/prune.js'), 'runPruneCommand');
const runReindexCommand = onDemand(() => import('./commands/search.js'), 'runReindexCommand');
const runSearchCommand = onDemand(() => import('./commands/search.js'), 'runSearchCommand');
const runServeCommand = onDemand(() => import('./commands/serve.js'), 'runServeCommand');
const runReclusterCommand = onDemand(() => import('./commands/stories.js'), 'runReclusterCommand');
const runStoriesCommand = onDemand(() => import('./commands/stories.js'), 'runStoriesCommand');
const runStoryCommand = onDemand(() => import('./commands/stories.js'), 'runStoryCommand');

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

const dbOption = (): Option =>
  new Option('--db <file|url>', 'SQLite database file, or a PostgreSQL URL (postgres://…)').default(
    process.env.CAIXUN_DB || DEFAULT_DB,
  );

/** A usage error is one line plus where to read more, not the whole help (commander prints the line). */
function hintOnUsageErrors(program: Command): void {
  program.showHelpAfterError('see caixun --help');
  for (const cmd of program.commands) cmd.showHelpAfterError(`see caixun ${cmd.name()} --help`);
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('caixun')
    .description('caixun 财讯: archive, fold and search Chinese financial and policy news')
    .version(readPackageVersion(), '-V, --version', 'print the version')
    .exitOverride();

  program
    .command('import')
    .description(
      'import archives: Jekyll and Hexo Markdown posts (front matter), plain Markdown, saved HTML pages, ' +
        'PDF files and newspaper page text (.txt); files or folders, format detected from content',
    )
    .argument('<paths...>', 'files or folders to import (symlinks followed, loops skipped with a warning)')
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
    .option('--no-derive', 'do not fold new articles into stories/search/facts now')
    .option('--log-level <level>', 'trace, debug, info, warn, error, silent (default: CAIXUN_LOG_LEVEL or info)')
    .action(
      async (opts: { config: string; db: string; json?: boolean; source?: string[]; derive: boolean; logLevel?: string }) =>
        setExit(await runFetchCommand(opts)),
    );

  program
    .command('sources')
    .description('show the health of every polled source (last attempt, success, error, failures, items)')
    .addOption(dbOption())
    .option('--json', 'one JSON object per source per line')
    .option('--config <file>', 'also list configured sources not polled yet')
    .option('--opml', 'print the configured feed sources as OPML 2.0 (of --config, default caixun.config.yaml)')
    .action(async (opts: { db: string; json?: boolean; config?: string; opml?: boolean }) =>
      setExit(await (opts.opml ? runSourcesOpmlCommand(opts) : runSourcesCommand(opts))),
    );

  program
    .command('import-opml')
    .description("print the feeds of an OPML file (a feed reader's export) as `sources:` entries to add to the configuration")
    .argument('<file>', 'OPML file')
    .option('--config <file>', 'configuration whose feeds are left out (already configured)', 'caixun.config.yaml')
    .action(async (file: string, opts: { config: string }) => setExit(await runImportOpmlCommand(file, opts)));

  program
    .command('start')
    .description('run the scheduler (every source on its interval) and the web server until SIGINT/SIGTERM')
    .option('--config <file>', 'configuration file', 'caixun.config.yaml')
    .addOption(dbOption())
    .addOption(new Option('--port <n>', 'web server port (0: any free port)').argParser(positiveInt).default(8080))
    .option('--host <host>', 'web server interface', '127.0.0.1')
    .option('--public-url <url>', 'absolute origin used in feed links (default: the address the server listens on)')
    .option('--no-web', 'run the scheduler only')
    .option('--log-level <level>', 'trace, debug, info, warn, error, silent (default: CAIXUN_LOG_LEVEL or info)')
    .action(
      async (opts: { config: string; db: string; port: number; host: string; publicUrl?: string; web: boolean; logLevel?: string }) =>
        setExit(await runStartCommand(opts)),
    );

  program
    .command('worker')
    .description('poll sources from the shared PostgreSQL work queue (one of any number of workers) until SIGINT/SIGTERM')
    .option('--db <url>', 'PostgreSQL URL, postgres://… (default: CAIXUN_DB)', process.env.CAIXUN_DB || undefined)
    .option('--config <file>', 'configuration file', 'caixun.config.yaml')
    .addOption(new Option('--concurrency <n>', 'sources polled at once (default: schedule.concurrency)').argParser(positiveInt))
    .option('--lease <duration>', "how long a claimed source stays this worker's without renewal", '2m')
    .option('--once', 'one pass over the due sources, then exit')
    .option('--log-level <level>', 'trace, debug, info, warn, error, silent (default: CAIXUN_LOG_LEVEL or info)')
    .action(
      async (opts: { db?: string; config: string; concurrency?: number; lease: string; once?: boolean; logLevel?: string }) =>
        setExit(await runWorkerCommand(opts)),
    );

  program
    .command('export')
    .description('print every article, one JSON object per line')
    .addOption(dbOption())
    .option('--format <format>', 'output format', 'jsonl')
    .action(async (opts: { db: string; format: string }) => setExit(await runExportCommand(opts)));

  program
    .command('export-site')
    .description('write a static site (works from file://, client-side search) and Jekyll/Hexo posts')
    .argument('<dir>', 'target directory (empty, missing, or an earlier export)')
    .addOption(dbOption())
    .option('--only <parts>', 'only these parts, comma-separated: site, jekyll, hexo')
    .option('--force', 'write into a non-empty directory that is not an earlier export (no file is deleted)')
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'do not show progress')
    .action(async (dir: string, opts: { db: string; only?: string; force?: boolean; json?: boolean; progress: boolean }) =>
      setExit(await runExportSiteCommand(dir, opts)),
    );

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

  program
    .command('search')
    .description('search the archive in Chinese: words, "phrases", -excluded, outlet:KEY, category:NAME (put -words after --)')
    .argument('<query...>', 'the query')
    .addOption(dbOption())
    .option('--outlet <key>', 'only this outlet')
    .option('--category <name>', 'only this category')
    .option('--from <day>', 'published on or after this day (Asia/Shanghai) or ISO time')
    .option('--to <day>', 'published on or before this day (Asia/Shanghai) or ISO time')
    .addOption(new Option('--page <n>', 'page of results (1-based)').argParser(positiveInt))
    .addOption(new Option('--page-size <n>', 'results per page (1-100)').argParser(positiveInt))
    .option('--json', 'print the response as one JSON object')
    .action(async (words: string[], _opts: SearchCommandOptions, cmd: Command) => {
      // `search -- -碳 --db x.db`: our own options after `--` still count as options
      const query = takeTrailingOptions(cmd, words);
      setExit(await runSearchCommand(query, cmd.opts<SearchCommandOptions>()));
    });

  program
    .command('facts')
    .description('numeric claims: of the archive, of one story (conflicts first) or about one subject; --targets: targets met or not')
    .addOption(dbOption())
    .option('--story <id>', 'only this story (merged across its versions)')
    .option('--subject <text>', 'only claims whose subject contains this text')
    .option('--targets', 'list every target with its status (met, pending, missed)')
    .option('--json', 'one JSON object per claim (or target) per line')
    .action(async (opts: FactsCommandOptions) => setExit(await runFactsCommand(opts)));

  program
    .command('reindex')
    .description('rebuild the search index from the stored articles')
    .addOption(dbOption())
    .option('--json', 'print the counts as JSON')
    .option('--no-progress', 'do not show progress')
    .action(async (opts: { db: string; json?: boolean; progress: boolean }) => setExit(await runReindexCommand(opts)));

  program
    .command('serve')
    .description('serve the web UI, JSON API and feeds (http://127.0.0.1:8080/ by default)')
    .addOption(dbOption())
    .addOption(new Option('--port <n>', 'TCP port').argParser(positiveInt).default(8080))
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--public-url <url>', 'absolute origin used in feed links (default: the address the server listens on)')
    .action(async (opts: { db: string; port: number; host: string; publicUrl?: string }) => setExit(await runServeCommand(opts)));

  program
    .command('migrate')
    .description('copy a SQLite archive into PostgreSQL (articles, revisions, stories, facts, source state), index it and verify the counts')
    .requiredOption('--from <file>', 'SQLite archive to copy')
    .requiredOption('--to <url>', 'PostgreSQL URL (postgres://…) to copy into')
    .option('--json', 'print the verified counts as one JSON object')
    .addOption(new Option('--batch <n>', 'articles per transaction').argParser(positiveInt).default(500))
    .option('--force', 'replace a target that holds other articles (its caixun tables are emptied first)')
    .option('--no-progress', 'do not show progress')
    .action(async (opts: MigrateCommandOptions) => setExit(await runMigrateCommand(opts)));

  program
    .command('prune')
    .description(
      'retention: drop raw inputs (the clean articles stay) and delete old articles with their stories, search rows and facts',
    )
    .addOption(dbOption())
    .option('--raw-older-than <age>', 'drop the raw input of articles stored longer ago than this (e.g. 90d; units h, d, w, y)')
    .option('--articles-older-than <age>', 'delete articles published longer ago than this (e.g. 2y), undated ones by fetch time')
    .option('--dry-run', 'only count what would go')
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'do not show progress')
    .action(async (opts: PruneCommandOptions) => setExit(await runPruneCommand(opts)));

  hintOnUsageErrors(program);
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
