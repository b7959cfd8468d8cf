/**
 * A CLI entry with only the `fetch` command, wired exactly as src/cli/main.ts wires it, so the
 * command runs end to end in a child process before (and independently of) main.ts.
 */
import { Command, CommanderError, Option } from 'commander';
import { runFetchCommand } from '../../src/cli/commands/fetch.js';
import { EXIT, reportError } from '../../src/cli/exit.js';

let code: number = EXIT.ok;
const program = new Command('caixun').exitOverride();
program
  .command('fetch')
  .description('poll every configured source once (feeds, news APIs), store new articles, exit')
  .option('--config <file>', 'configuration file', 'caixun.config.yaml')
  .addOption(
    new Option('--db <file>', 'SQLite database file').default(process.env.CAIXUN_DB || 'caixun.db'),
  )
  .option('--json', 'print the summary as JSON')
  .option('--source <keys...>', 'only these sources')
  .action(async (opts: { config: string; db: string; json?: boolean; source?: string[] }) => {
    code = await runFetchCommand(opts);
  });
try {
  await program.parseAsync(process.argv);
} catch (err) {
  code = err instanceof CommanderError ? EXIT.usage : reportError(err);
}
process.exitCode = code;
