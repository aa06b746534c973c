#!/usr/bin/env node
/**
 * The query types are checked against the schema the migrations build (docs/data-layer.md).
 *
 *   npm run check:sql    fails, with a diff, when a committed *.queries.ts is not what pgTyped
 *                        generates from its .sql file against a freshly migrated database (a
 *                        query that no longer matches the schema, a .sql edited without
 *                        regenerating, a generated file edited by hand or left behind)
 *   npm run gen:sql      writes the generated files into the tree instead (and removes orphans)
 *
 * Both create a throwaway database on the test PostgreSQL (DATABASE_URL, else 127.0.0.1:5432),
 * run every migration, run pgTyped in a temporary copy of the .sql files and drop the database.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { root } = require('./register-ts.cjs');

const { testServices } = require('@resonance/config');
// The modules themselves, not @resonance/db's index: it imports generated *.queries.ts files, which
// this script must be able to create when they are missing.
const { createDataSource, runMigrations } = require('../libs/db/src/data-source.ts');
const { dropDatabase, ensureDatabase, withDatabase } = require('../libs/db/src/admin.ts');

const write = process.argv.includes('--write');
const GENERATED_SUFFIX = '.queries.ts';
/** pgTyped may not finish when it cannot reach the database (its config watcher keeps it alive). */
const PGTYPED_TIMEOUT_MS = 5 * 60_000;

/** Every file under apps/<app>/src and libs/<lib>/src whose name ends with `suffix`, relative to the root. */
function sourceFiles(suffix) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(suffix)) found.push(path.relative(root, full));
    }
  };
  for (const top of ['apps', 'libs']) {
    for (const pkg of fs.readdirSync(path.join(root, top))) {
      const src = path.join(root, top, pkg, 'src');
      if (fs.existsSync(src)) walk(src);
    }
  }
  return found.sort();
}

const generatedPathOf = (sqlFile) => sqlFile.replace(/\.sql$/, GENERATED_SUFFIX);

/** A unified diff of two files (git is there wherever the repository is). */
function diff(committed, generated) {
  const result = spawnSync('git', ['diff', '--no-index', '--no-color', '--src-prefix=committed/', '--dst-prefix=generated/', '--', committed, generated], {
    encoding: 'utf8',
  });
  return result.stdout || result.stderr;
}

/** Runs pgTyped over a copy of the .sql files in `workDir`; returns its output, or throws with it. */
function runPgTyped(workDir, databaseUrl, sqlFiles) {
  for (const file of sqlFiles) {
    fs.mkdirSync(path.dirname(path.join(workDir, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(workDir, file));
  }
  fs.copyFileSync(path.join(root, 'pgtyped.config.json'), path.join(workDir, 'pgtyped.config.json'));
  // pgTyped lets PG* variables override the URL: only the throwaway database may be described.
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  for (const name of ['PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE', 'PGURI']) delete env[name];
  // @pgtyped/cli exports no subpath to resolve: its entry is taken from the root's node_modules.
  const cli = path.join(root, 'node_modules', '@pgtyped', 'cli', 'lib', 'index.js');
  const result = spawnSync(process.execPath, [cli, '--config', 'pgtyped.config.json', '--uri', databaseUrl], {
    cwd: workDir,
    env,
    encoding: 'utf8',
    timeout: PGTYPED_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  // pgTyped reports an invalid query (a typo, a column the schema does not have) or a .sql file it
  // cannot parse on its output and still exits 0, leaving `never` types or no file behind: its
  // messages are failures here.
  const failed = result.error || result.status !== 0 || /Error processing|Error in query|is invalid|Parse error|Failed to parse config/.test(output);
  if (failed) {
    const why = result.error?.code === 'ETIMEDOUT' ? `pgTyped did not finish within ${PGTYPED_TIMEOUT_MS / 1000} s` : 'pgTyped failed';
    throw new Error(`${why}:\n${output}`);
  }
  return output;
}

/**
 * pgTyped describes each statement on a session of its own, where a transaction's temporary table
 * does not exist: every `CREATE TEMPORARY TABLE name ON COMMIT DROP AS …` in a .sql file is also
 * run here once, as a plain table of the same definition, so the statements that use the table
 * (the rollup drain's comment_change, commenter_change) are typed against its real columns.
 */
async function createTransactionTables(dataSource, sqlFiles) {
  const pattern = /CREATE TEMPORARY TABLE (\w+) ON COMMIT DROP AS([^;]*);/gi;
  for (const file of sqlFiles) {
    for (const [, name, select] of fs.readFileSync(path.join(root, file), 'utf8').matchAll(pattern)) {
      await dataSource.query(`CREATE TABLE ${name} AS${select}`);
    }
  }
}

async function main() {
  const sqlFiles = sourceFiles('.sql');
  const committed = new Set(sourceFiles(GENERATED_SUFFIX));
  const databaseUrl = withDatabase(testServices().databaseUrl, `resonance_sqlcheck_${Date.now().toString(36)}_${process.pid}`);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-sql-types-'));
  await ensureDatabase(databaseUrl);
  try {
    const dataSource = await createDataSource({ url: databaseUrl, poolSize: 1 }).initialize();
    try {
      await runMigrations(dataSource);
      await createTransactionTables(dataSource, sqlFiles);
    } finally {
      await dataSource.destroy();
    }
    runPgTyped(workDir, databaseUrl, sqlFiles);

    const problems = [];
    for (const sqlFile of sqlFiles) {
      const target = generatedPathOf(sqlFile);
      const generated = path.join(workDir, target);
      committed.delete(target);
      if (!fs.existsSync(generated)) {
        problems.push(`${sqlFile}: no query in it (each needs a /* @name … */ annotation)`);
        continue;
      }
      const before = fs.existsSync(path.join(root, target)) ? fs.readFileSync(path.join(root, target), 'utf8') : null;
      const after = fs.readFileSync(generated, 'utf8');
      if (before === after) continue;
      if (write) {
        fs.writeFileSync(path.join(root, target), after);
        console.log(`${before === null ? 'created' : 'updated'} ${target}`);
      } else if (before === null) {
        problems.push(`${target} is missing (run npm run gen:sql and commit it)`);
      } else {
        problems.push(`${target} differs from what ${sqlFile} generates against the migrated schema:\n${diff(path.join(root, target), generated)}`);
      }
    }
    for (const orphan of committed) {
      if (write) {
        fs.rmSync(path.join(root, orphan));
        console.log(`removed ${orphan} (its .sql file is gone)`);
      } else {
        problems.push(`${orphan} has no .sql file beside it (remove it, or run npm run gen:sql)`);
      }
    }
    if (problems.length) {
      console.error(`check:sql: ${problems.length} generated query file(s) out of date:\n\n${problems.join('\n\n')}\n`);
      console.error('Regenerate with `npm run gen:sql` (docs/data-layer.md) and commit the result.');
      process.exitCode = 1;
    } else {
      console.log(`check:sql: ${sqlFiles.length} .sql file(s) ${write ? 'generated' : 'match their generated types'} against the migrated schema`);
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
    await dropDatabase(databaseUrl);
  }
}

main().catch((error) => {
  console.error(`check:sql: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
