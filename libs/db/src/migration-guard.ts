import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Shipped migrations are never edited: a database that already ran one never runs it again, so an
 * edit reaches new databases only and the two drift apart (see docs/data-layer.md, "Migrations").
 * checksums.json beside the migrations holds the sha256 of every migration file; this compares
 * them, and `record` adds the line of a new migration (never changes an existing one).
 */

/** A migration file: `<13-digit timestamp>-<name>.ts`, as TypeORM orders them. */
const MIGRATION_FILE = /^\d{13}-[a-z0-9-]+\.ts$/;

export type MigrationChecksums = Record<string, string>;

export interface MigrationCheck {
  /** Recorded files whose content changed since. */
  edited: string[];
  /** Files with no line in checksums.json yet. */
  unrecorded: string[];
  /** Lines in checksums.json whose file is gone. */
  removed: string[];
  /** Files that index.ts does not import, so they would never run. */
  notListed: string[];
}

export function migrationChecksum(content: string): string {
  // Line endings as Git stores them: a checkout with CRLF is not an edit.
  return createHash('sha256').update(content.replace(/\r\n/g, '\n')).digest('hex');
}

function migrationFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort();
}

function readChecksums(file: string): MigrationChecksums {
  if (!existsSync(file)) return {};
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${file}: expected an object of file name → sha256`);
  const checksums: MigrationChecksums = {};
  for (const [name, hash] of Object.entries(parsed)) {
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) throw new Error(`${file}: ${name} has no sha256`);
    checksums[name] = hash;
  }
  return checksums;
}

export function checkMigrations(dir: string): MigrationCheck {
  const recorded = readChecksums(join(dir, 'checksums.json'));
  const files = migrationFiles(dir);
  const index = existsSync(join(dir, 'index.ts')) ? readFileSync(join(dir, 'index.ts'), 'utf8') : '';
  return {
    edited: files.filter((name) => name in recorded && recorded[name] !== migrationChecksum(readFileSync(join(dir, name), 'utf8'))),
    unrecorded: files.filter((name) => !(name in recorded)),
    removed: Object.keys(recorded).filter((name) => !files.includes(name)),
    notListed: files.filter((name) => !index.includes(`'./${name.replace(/\.ts$/, '')}'`)),
  };
}

/** Adds the lines of new migrations to checksums.json; recorded lines stay as they are. Returns the names added. */
export function recordNewMigrations(dir: string): string[] {
  const file = join(dir, 'checksums.json');
  const recorded = readChecksums(file);
  const added = migrationFiles(dir).filter((name) => !(name in recorded));
  for (const name of added) recorded[name] = migrationChecksum(readFileSync(join(dir, name), 'utf8'));
  const sorted = Object.fromEntries(Object.entries(recorded).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
  return added;
}

/** What is wrong, one line each, in words a developer can act on; empty when all is well. */
export function describeMigrationCheck(check: MigrationCheck): string[] {
  return [
    ...check.edited.map(
      (name) =>
        `${name} was edited after it was recorded. Shipped migrations are never edited (databases that ran it will not run it again): revert the edit and put the change in a new migration.`,
    ),
    ...check.unrecorded.map((name) => `${name} is new: record its checksum with \`npm run check:migrations -- --record\` and commit checksums.json with it.`),
    ...check.removed.map((name) => `${name} is recorded in checksums.json but the file is gone: shipped migrations are never removed.`),
    ...check.notListed.map((name) => `${name} is not imported by migrations/index.ts, so it would never run: add it to MIGRATIONS.`),
  ];
}
