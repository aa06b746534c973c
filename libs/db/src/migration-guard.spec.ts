import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMigrations, describeMigrationCheck, recordNewMigrations } from './migration-guard';

const MIGRATIONS_DIR = join(__dirname, 'migrations');

describe('migration guard', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'resonance-migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the migrations in the repository are exactly as recorded', () => {
    expect(describeMigrationCheck(checkMigrations(MIGRATIONS_DIR))).toEqual([]);
  });

  it('an edit to a recorded migration is reported, a CRLF checkout is not', () => {
    const file = join(dir, '1732950000000-message-actions.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    expect(checkMigrations(dir).edited).toEqual([]);
    appendFileSync(file, '// one more line\r\n');
    expect(checkMigrations(dir).edited).toEqual(['1732950000000-message-actions.ts']);
    expect(describeMigrationCheck(checkMigrations(dir))[0]).toMatch(/was edited after it was recorded/);
  });

  it('a new migration needs its line and a place in MIGRATIONS; record adds the line and leaves the others alone', () => {
    const before = readFileSync(join(dir, 'checksums.json'), 'utf8');
    writeFileSync(join(dir, '1799999999999-next.ts'), 'export class Next1799999999999 {}\n');
    expect(checkMigrations(dir)).toMatchObject({ unrecorded: ['1799999999999-next.ts'], notListed: ['1799999999999-next.ts'] });

    appendFileSync(join(dir, '1732300000000-core-model.ts'), '// edited\n');
    expect(recordNewMigrations(dir)).toEqual(['1799999999999-next.ts']);
    const after = JSON.parse(readFileSync(join(dir, 'checksums.json'), 'utf8')) as Record<string, string>;
    expect(after['1732300000000-core-model.ts']).toBe((JSON.parse(before) as Record<string, string>)['1732300000000-core-model.ts']);
    expect(checkMigrations(dir)).toMatchObject({ edited: ['1732300000000-core-model.ts'], unrecorded: [] });

    appendFileSync(join(dir, 'index.ts'), "import { Next1799999999999 } from './1799999999999-next';\n");
    expect(checkMigrations(dir).notListed).toEqual([]);
  });

  it('a removed migration is reported', () => {
    unlinkSync(join(dir, '1733700000000-access-links.ts'));
    expect(checkMigrations(dir).removed).toEqual(['1733700000000-access-links.ts']);
  });
});
