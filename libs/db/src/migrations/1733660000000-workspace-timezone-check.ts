import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The database refuses a workspace time zone PostgreSQL does not know (not in pg_timezone_names),
 * on insert and when the zone changes: such a zone fails every AT TIME ZONE in the reports and the
 * rollups. The api checks the same before it saves (apps/api/src/settings/settings.service.ts);
 * this holds for every other writer too. Zones stored before this migration are left as they are
 * (the rollups count them in UTC: apps/worker/src/rollup/workspace-zones.ts).
 *
 * pg_timezone_names reads every zone file (~0.1 s), too slow for each workspace insert, so the
 * names it listed are kept in known_time_zone and the view is read only for a name not in it — a
 * zone a tzdata update added is then remembered. A zone a tzdata update dropped stays accepted
 * here; the rollups find it unknown all the same.
 */
export class WorkspaceTimezoneCheck1733660000000 implements MigrationInterface {
  name = 'WorkspaceTimezoneCheck1733660000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE known_time_zone (name text PRIMARY KEY)`);
    await q.query(`INSERT INTO known_time_zone (name) SELECT name FROM pg_timezone_names ON CONFLICT DO NOTHING`);
    await q.query(`
      CREATE FUNCTION resonance_check_workspace_timezone() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM known_time_zone WHERE name = NEW.timezone) THEN
          RETURN NEW;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = NEW.timezone) THEN
          INSERT INTO known_time_zone (name) VALUES (NEW.timezone) ON CONFLICT DO NOTHING;
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'workspace time zone % is not a time zone PostgreSQL knows (pg_timezone_names)', quote_literal(NEW.timezone)
          USING ERRCODE = 'check_violation', CONSTRAINT = 'workspace_timezone_known';
      END $$`);
    await q.query(`
      CREATE TRIGGER workspace_timezone_known_insert BEFORE INSERT ON workspace
        FOR EACH ROW EXECUTE FUNCTION resonance_check_workspace_timezone()`);
    // Only when the zone changes: a settings save writes the column back unchanged, and a workspace
    // that still has an old unknown zone can change its other settings.
    await q.query(`
      CREATE TRIGGER workspace_timezone_known_update BEFORE UPDATE OF timezone ON workspace
        FOR EACH ROW WHEN (NEW.timezone IS DISTINCT FROM OLD.timezone) EXECUTE FUNCTION resonance_check_workspace_timezone()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER workspace_timezone_known_update ON workspace`);
    await q.query(`DROP TRIGGER workspace_timezone_known_insert ON workspace`);
    await q.query(`DROP FUNCTION resonance_check_workspace_timezone()`);
    await q.query(`DROP TABLE known_time_zone`);
  }
}
