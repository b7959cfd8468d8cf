// Runs a Node entry point in this process, then prints this process's peak RSS as JSON.
// resourceUsage().maxRSS covers worker threads too, since they share the process.
const [entry, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], entry, ...args];
process.on('exit', () => {
  process.stdout.write(`${JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
});
await import(entry);
