import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SLA targets per workspace (a default, overrides per network and/or priority), whether the SLA
 * clock runs in business hours, holidays (local dates, named), and each waiting thread's due time
 * (docs/sla.md). thread.sla_due_at is kept by a row trigger that fires only when the thread's
 * waiting_since, priority or status changes (the ingest's other thread updates skip it in its WHEN
 * clause), or when a thread is inserted waiting without one (the ingest computes it per page); a change of targets, hours, holidays or time zone recomputes the workspace's waiting
 * threads (apps/api/src/sla). The index serves the inbox's "SLA due first" keyset page.
 *
 * The reports' business seconds take the holidays (a new argument: the old function is dropped and
 * the rollups call the new one); their SLA target is resonance_sla_target_minutes. The targets
 * stored until now in workspace.settings.slaTargetMinutes ({ default, <network> }) move here.
 * resonance_thread_waiting_since is the reports' "waiting" rule for the inbox (a like, hide or
 * delete handles the thread). Bodies as in libs/db/src/schema/functions.ts.
 */
export class Sla1733860000000 implements MigrationInterface {
  name = 'Sla1733860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_policy (
        workspace_id uuid PRIMARY KEY REFERENCES workspace(id) ON DELETE CASCADE,
        default_minutes integer NOT NULL DEFAULT 60 CHECK (default_minutes BETWEEN 1 AND 525600),
        business_hours_only boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE sla_target (
        id bigserial PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        network text CHECK (network IN ('facebook', 'instagram', 'x', 'linkedin', 'youtube', 'xing')),
        priority smallint CHECK (priority BETWEEN 0 AND 3),
        minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 525600),
        CHECK (network IS NOT NULL OR priority IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX sla_target_unique ON sla_target (workspace_id, COALESCE(network, ''), COALESCE(priority, -1))`);
    await q.query(`
      CREATE TABLE workspace_holiday (
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        day date NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        PRIMARY KEY (workspace_id, day)
      )`);
    // The targets stored in settings until now: { "default": 60, "facebook": 30 } (minutes).
    await q.query(`
      INSERT INTO sla_policy (workspace_id, default_minutes)
      SELECT id, LEAST(GREATEST(round((settings -> 'slaTargetMinutes' ->> 'default')::numeric)::int, 1), 525600)
        FROM workspace WHERE jsonb_typeof(settings -> 'slaTargetMinutes' -> 'default') = 'number'`);
    await q.query(`
      INSERT INTO sla_target (workspace_id, network, minutes)
      SELECT w.id, e.key, LEAST(GREATEST(round((e.value #>> '{}')::numeric)::int, 1), 525600)
        FROM workspace w CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(w.settings -> 'slaTargetMinutes') = 'object'
                                                            THEN w.settings -> 'slaTargetMinutes' ELSE '{}'::jsonb END) e
       WHERE e.key IN ('facebook', 'instagram', 'x', 'linkedin', 'youtube', 'xing') AND jsonb_typeof(e.value) = 'number'`);
    await q.query(`UPDATE workspace SET settings = settings - 'slaTargetMinutes' WHERE settings ? 'slaTargetMinutes'`);

    await q.query(`DROP FUNCTION resonance_business_seconds(timestamptz, timestamptz, text, jsonb)`);
    await q.query(`CREATE FUNCTION resonance_business_seconds(a timestamp with time zone, b timestamp with time zone, tz text, hours jsonb, holidays date[]) RETURNS double precision LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT COALESCE(sum(GREATEST(0, extract(epoch FROM LEAST(b, w.finish) - GREATEST(a, w.start)))), 0)::double precision
      FROM generate_series((a AT TIME ZONE tz)::date, (b AT TIME ZONE tz)::date, interval '1 day') AS d(day)
      CROSS JOIN LATERAL jsonb_array_elements(COALESCE(hours -> extract(dow FROM d.day)::int::text, '[]'::jsonb)) AS win(span)
      CROSS JOIN LATERAL (SELECT (d.day::date + (win.span ->> 0)::time) AT TIME ZONE tz AS start,
                                 (d.day::date + (win.span ->> 1)::time) AT TIME ZONE tz AS finish) AS w
     WHERE b > a AND w.finish > a AND w.start < b AND NOT (d.day::date = ANY(COALESCE(holidays, '{}'::date[])))
  $$`);
    await q.query(`CREATE FUNCTION resonance_business_add(start timestamp with time zone, seconds double precision, tz text, hours jsonb, holidays date[]) RETURNS timestamp with time zone LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
    DECLARE
      d date := (start AT TIME ZONE tz)::date;
      remaining double precision := GREATEST(seconds, 0);
      span jsonb;
      opens timestamptz;
      closes timestamptz;
      open_seconds double precision;
    BEGIN
      IF start IS NULL THEN
        RETURN NULL;
      END IF;
      FOR i IN 0..400 LOOP
        IF NOT (d = ANY(COALESCE(holidays, '{}'::date[]))) THEN
          FOR span IN SELECT value FROM jsonb_array_elements(COALESCE(hours -> extract(dow FROM d)::int::text, '[]'::jsonb)) ORDER BY value ->> 0 LOOP
            opens := (d + (span ->> 0)::time) AT TIME ZONE tz;
            closes := (d + (span ->> 1)::time) AT TIME ZONE tz;
            IF closes > start THEN
              opens := GREATEST(opens, start);
              open_seconds := extract(epoch FROM closes - opens);
              IF open_seconds >= remaining THEN
                RETURN opens + remaining * interval '1 second';
              END IF;
              remaining := remaining - open_seconds;
            END IF;
          END LOOP;
        END IF;
        d := d + 1;
      END LOOP;
      RETURN NULL;
    END
  $$`);
    await q.query(`CREATE FUNCTION resonance_sla_target_minutes(ws uuid, net text, prio smallint) RETURNS integer LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
    DECLARE
      found_minutes integer;
    BEGIN
      SELECT t.minutes INTO found_minutes FROM sla_target t
       WHERE t.workspace_id = ws AND (t.network = net OR t.network IS NULL) AND (t.priority = prio OR t.priority IS NULL)
       ORDER BY t.priority IS NULL, t.network IS NULL LIMIT 1;
      IF found_minutes IS NULL THEN
        SELECT p.default_minutes INTO found_minutes FROM sla_policy p WHERE p.workspace_id = ws;
      END IF;
      RETURN COALESCE(found_minutes, 60);
    END
  $$`);
    await q.query(`CREATE FUNCTION resonance_sla_due_from(waiting timestamp with time zone, minutes integer, business_only boolean, hours jsonb, tz text, holidays date[]) RETURNS timestamp with time zone LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE
             WHEN waiting IS NULL THEN NULL
             WHEN business_only AND jsonb_path_exists(hours, '$.*[*]') THEN resonance_business_add(waiting, 60.0 * minutes, tz, hours, holidays)
             ELSE waiting + minutes * interval '1 minute'
           END
  $$`);
    await q.query(`CREATE FUNCTION resonance_sla_due_at(ws uuid, net text, prio smallint, status text, waiting timestamp with time zone) RETURNS timestamp with time zone LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
    DECLARE
      target_minutes integer;
      business_only boolean;
      hours jsonb;
      tz text;
    BEGIN
      IF waiting IS NULL OR status = 'closed' THEN
        RETURN NULL;
      END IF;
      target_minutes := resonance_sla_target_minutes(ws, net, prio);
      SELECT COALESCE(p.business_hours_only, false), w.business_hours, w.timezone INTO business_only, hours, tz
        FROM workspace w LEFT JOIN sla_policy p ON p.workspace_id = w.id WHERE w.id = ws;
      RETURN resonance_sla_due_from(waiting, target_minutes, business_only, hours, tz,
                                    ARRAY(SELECT h.day FROM workspace_holiday h WHERE h.workspace_id = ws));
    END
  $$`);
    await q.query(`CREATE FUNCTION resonance_thread_sla_due() RETURNS trigger LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE AS $$
    BEGIN
      NEW.sla_due_at := resonance_sla_due_at(NEW.workspace_id, NEW.network, NEW.priority, NEW.status, NEW.waiting_since);
      RETURN NEW;
    END
  $$`);
    await q.query(`CREATE FUNCTION resonance_thread_waiting_since(thread bigint) RETURNS timestamp with time zone LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT min(i.created_at) FROM message i
     WHERE i.thread_id = thread AND NOT i.is_from_account AND NOT i.deleted
       AND i.created_at > COALESCE(GREATEST(
             (SELECT max(r.created_at) FROM message r
               WHERE r.thread_id = thread AND r.is_from_account AND (r.delivery = 'sent' OR r.external_id IS NOT NULL)),
             (SELECT max(h.handled_at) FROM message h WHERE h.thread_id = thread AND NOT h.is_from_account AND h.handled_at IS NOT NULL)),
           '-infinity'::timestamptz)
  $$`);

    await q.query(`ALTER TABLE thread ADD COLUMN sla_due_at timestamptz`);
    await q.query(`
      UPDATE thread SET sla_due_at = resonance_sla_due_at(workspace_id, network, priority, status, waiting_since)
       WHERE waiting_since IS NOT NULL AND status <> 'closed'`);
    await q.query(`CREATE INDEX thread_sla_due_idx ON thread (workspace_id, sla_due_at, id) WHERE sla_due_at IS NOT NULL`);
    await q.query(`
      CREATE TRIGGER thread_sla_due_insert BEFORE INSERT ON thread
        FOR EACH ROW WHEN (NEW.waiting_since IS NOT NULL AND NEW.sla_due_at IS NULL) EXECUTE FUNCTION resonance_thread_sla_due()`);
    await q.query(`
      CREATE TRIGGER thread_sla_due_update BEFORE UPDATE OF waiting_since, priority, status ON thread
        FOR EACH ROW WHEN (NEW.waiting_since IS DISTINCT FROM OLD.waiting_since OR NEW.priority IS DISTINCT FROM OLD.priority
                           OR NEW.status IS DISTINCT FROM OLD.status)
        EXECUTE FUNCTION resonance_thread_sla_due()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER thread_sla_due_update ON thread`);
    await q.query(`DROP TRIGGER thread_sla_due_insert ON thread`);
    await q.query(`DROP INDEX thread_sla_due_idx`);
    await q.query(`ALTER TABLE thread DROP COLUMN sla_due_at`);
    await q.query(`DROP FUNCTION resonance_thread_waiting_since(bigint)`);
    await q.query(`DROP FUNCTION resonance_thread_sla_due()`);
    await q.query(`DROP FUNCTION resonance_sla_due_at(uuid, text, smallint, text, timestamptz)`);
    await q.query(`DROP FUNCTION resonance_sla_due_from(timestamptz, integer, boolean, jsonb, text, date[])`);
    await q.query(`DROP FUNCTION resonance_sla_target_minutes(uuid, text, smallint)`);
    await q.query(`DROP FUNCTION resonance_business_add(timestamptz, double precision, text, jsonb, date[])`);
    await q.query(`DROP FUNCTION resonance_business_seconds(timestamptz, timestamptz, text, jsonb, date[])`);
    await q.query(`
      CREATE FUNCTION resonance_business_seconds(a timestamptz, b timestamptz, tz text, hours jsonb)
      RETURNS double precision LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT COALESCE(sum(GREATEST(0, extract(epoch FROM LEAST(b, w.finish) - GREATEST(a, w.start)))), 0)::double precision
      FROM generate_series((a AT TIME ZONE tz)::date, (b AT TIME ZONE tz)::date, interval '1 day') AS d(day)
      CROSS JOIN LATERAL jsonb_array_elements(COALESCE(hours -> extract(dow FROM d.day)::int::text, '[]'::jsonb)) AS win(span)
      CROSS JOIN LATERAL (SELECT (d.day::date + (win.span ->> 0)::time) AT TIME ZONE tz AS start,
                                 (d.day::date + (win.span ->> 1)::time) AT TIME ZONE tz AS finish) AS w
     WHERE b > a AND w.finish > a AND w.start < b
  $$`);
    await q.query(`DROP TABLE workspace_holiday`);
    await q.query(`DROP TABLE sla_target`);
    await q.query(`DROP TABLE sla_policy`);
  }
}
