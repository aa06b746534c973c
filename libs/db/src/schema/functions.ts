/**
 * The current definition of every function and trigger in the schema, in one place (issue 22; as
 * immich's schema/functions.ts). Migrations created them over time (the file each came from is
 * named); a migration that changes one writes the new body here first and puts the SQL that
 * `createFunctionSql()` / the trigger's `definition` give into the migration as text (a migration
 * never imports this module: what it ran must not change when this file does).
 * schema-functions.int-spec.ts compares this module with pg_proc and pg_trigger on a freshly
 * migrated database, both ways: every entry exists with this body, nothing else exists.
 */

export interface SchemaFunction {
  name: string;
  /** Argument list as pg_get_function_identity_arguments() prints it ('' for none). */
  arguments: string;
  /** Return type as pg_get_function_result() prints it. */
  returns: string;
  language: 'plpgsql' | 'sql';
  volatility: 'immutable' | 'stable' | 'volatile';
  parallel: 'safe' | 'restricted' | 'unsafe';
  /** The migration that created (or last replaced) it. */
  migration: string;
  /** The body between the dollar quotes; compared with pg_proc.prosrc with whitespace normalised. */
  body: string;
}

export interface SchemaTrigger {
  name: string;
  table: string;
  migration: string;
  /** As pg_get_triggerdef() prints it (also valid SQL to create it). */
  definition: string;
}

export const SCHEMA_FUNCTIONS = {
  /** NOTIFY resonance_db_events `messages.inserted` per workspace and statement (id range and count) for the live event streams. */
  notifyMessagesInserted: {
    name: 'resonance_notify_messages_inserted',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1732400000000-inbox-api',
    body: `
    DECLARE r record;
    BEGIN
      FOR r IN SELECT workspace_id, min(id) AS lo, max(id) AS hi, count(*) AS n FROM new_rows GROUP BY workspace_id LOOP
        PERFORM pg_notify('resonance_db_events',
          json_build_object('kind', 'messages.inserted', 'workspaceId', r.workspace_id,
                            'from', r.lo::text, 'to', r.hi::text, 'count', r.n)::text);
      END LOOP;
      RETURN NULL;
    END
  `,
  },
  /** NOTIFY resonance_db_events `messages.updated` (up to 200 ids) when a message's delivery, text or hidden/deleted state changes. */
  notifyMessagesUpdated: {
    name: 'resonance_notify_messages_updated',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1732400000000-inbox-api',
    body: `
    DECLARE r record;
    BEGIN
      FOR r IN
        SELECT n.workspace_id, array_agg(n.id::text ORDER BY n.id) AS ids
          FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE (n.delivery, n.delivery_error, n.external_id, n.text, n.hidden, n.deleted)
               IS DISTINCT FROM (o.delivery, o.delivery_error, o.external_id, o.text, o.hidden, o.deleted)
         GROUP BY n.workspace_id
      LOOP
        PERFORM pg_notify('resonance_db_events',
          json_build_object('kind', 'messages.updated', 'workspaceId', r.workspace_id,
                            'ids', r.ids[1:200], 'count', cardinality(r.ids))::text);
      END LOOP;
      RETURN NULL;
    END
  `,
  },
  /** Hiding or deleting a customer's comment stamps handled_at/handled_action when the writer did not, so the service level still sees it. */
  stampHandled: {
    name: 'resonance_stamp_handled',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1732500000000-reports',
    body: `
    BEGIN
      IF NOT NEW.is_from_account THEN
        NEW.handled_at := COALESCE(NEW.handled_at, now());
        NEW.handled_action := COALESCE(NEW.handled_action,
                                       CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' ELSE 'hide' END);
      END IF;
      RETURN NEW;
    END
  `,
  },
  /** Marks the threads of inserted or updated messages dirty for the rollup drain (earliest changed time, version bumped on every mark). */
  markThreadsDirty: {
    name: 'resonance_mark_threads_dirty',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1732500000000-reports',
    body: `
    BEGIN
      INSERT INTO rollup_dirty_thread (thread_id, workspace_id, since)
      SELECT thread_id, min(workspace_id::text)::uuid, min(created_at) FROM changed_rows GROUP BY thread_id
      ORDER BY thread_id
      ON CONFLICT (thread_id) DO UPDATE SET since = LEAST(rollup_dirty_thread.since, excluded.since),
                                            version = rollup_dirty_thread.version + 1;
      RETURN NULL;
    END
  `,
  },
  /**
   * Seconds inside the weekly schedule between a and b in the workspace's time zone (DST through AT
   * TIME ZONE); the holidays (local dates) count as closed all day.
   */
  businessSeconds: {
    name: 'resonance_business_seconds',
    arguments: 'a timestamp with time zone, b timestamp with time zone, tz text, hours jsonb, holidays date[]',
    returns: 'double precision',
    language: 'sql',
    volatility: 'stable',
    parallel: 'safe',
    migration: '1733860000000-sla',
    body: `
    SELECT COALESCE(sum(GREATEST(0, extract(epoch FROM LEAST(b, w.finish) - GREATEST(a, w.start)))), 0)::double precision
      FROM generate_series((a AT TIME ZONE tz)::date, (b AT TIME ZONE tz)::date, interval '1 day') AS d(day)
      CROSS JOIN LATERAL jsonb_array_elements(COALESCE(hours -> extract(dow FROM d.day)::int::text, '[]'::jsonb)) AS win(span)
      CROSS JOIN LATERAL (SELECT (d.day::date + (win.span ->> 0)::time) AT TIME ZONE tz AS start,
                                 (d.day::date + (win.span ->> 1)::time) AT TIME ZONE tz AS finish) AS w
     WHERE b > a AND w.finish > a AND w.start < b AND NOT (d.day::date = ANY(COALESCE(holidays, '{}'::date[])))
  `,
  },
  /**
   * The moment "seconds" of business time have passed since "start": the weekly schedule in the
   * time zone, holidays closed. NULL when the schedule has no open time within 400 days.
   */
  businessAdd: {
    name: 'resonance_business_add',
    arguments: 'start timestamp with time zone, seconds double precision, tz text, hours jsonb, holidays date[]',
    returns: 'timestamp with time zone',
    language: 'plpgsql',
    volatility: 'stable',
    parallel: 'safe',
    migration: '1733860000000-sla',
    body: `
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
  `,
  },
  /**
   * The first-response target in minutes of a thread of this network and priority: the most specific
   * of the workspace's sla_target rows (network and priority, then priority, then network), else the
   * policy's default, else 60.
   */
  slaTargetMinutes: {
    name: 'resonance_sla_target_minutes',
    arguments: 'ws uuid, net text, prio smallint',
    returns: 'integer',
    language: 'plpgsql',
    volatility: 'stable',
    parallel: 'safe',
    migration: '1733860000000-sla',
    // plpgsql, not sql: its statements' plans are cached per session. A non-inlinable SQL function is
    // planned again on every call, which made the thread trigger cost ~0.6 ms per inserted thread.
    body: `
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
  `,
  },
  /**
   * When a thread whose customer waits since "waiting" is due (docs/sla.md): waiting + the target;
   * counted in business hours (schedule and holidays) when the policy says the SLA runs in business
   * hours and the schedule has open time; NULL when nobody waits or the thread is closed.
   */
  slaDueAt: {
    name: 'resonance_sla_due_at',
    arguments: 'ws uuid, net text, prio smallint, status text, waiting timestamp with time zone',
    returns: 'timestamp with time zone',
    language: 'plpgsql',
    volatility: 'stable',
    parallel: 'safe',
    migration: '1733860000000-sla',
    body: `
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
  `,
  },
  /**
   * The due-time rule itself, from the workspace's clock read once: waiting + minutes, in business
   * time when business_only and the schedule has open time. resonance_sla_due_at reads the clock
   * per thread; the ingest reads it once per page and calls this per row (inlined: a plain CASE).
   */
  slaDueFrom: {
    name: 'resonance_sla_due_from',
    arguments: 'waiting timestamp with time zone, minutes integer, business_only boolean, hours jsonb, tz text, holidays date[]',
    returns: 'timestamp with time zone',
    language: 'sql',
    volatility: 'stable',
    parallel: 'safe',
    migration: '1733860000000-sla',
    body: `
    SELECT CASE
             WHEN waiting IS NULL THEN NULL
             WHEN business_only AND jsonb_path_exists(hours, '$.*[*]') THEN resonance_business_add(waiting, 60.0 * minutes, tz, hours, holidays)
             ELSE waiting + minutes * interval '1 minute'
           END
  `,
  },
  /** Keeps thread.sla_due_at (the inbox's "due in / overdue", the SLA sort, notifications) when its inputs change. */
  threadSlaDue: {
    name: 'resonance_thread_sla_due',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1733860000000-sla',
    body: `
    BEGIN
      NEW.sla_due_at := resonance_sla_due_at(NEW.workspace_id, NEW.network, NEW.priority, NEW.status, NEW.waiting_since);
      RETURN NEW;
    END
  `,
  },
  /**
   * Since when the customer of a thread waits, by the reports' rule (drain.sql): the oldest inbound
   * message, not deleted, after the thread's last closing moment — a response of the account on the
   * network (delivery sent or a network id) or an inbound message handled without reply (like,
   * hide, delete: its handled_at). NULL when nothing waits.
   */
  threadWaitingSince: {
    name: 'resonance_thread_waiting_since',
    arguments: 'thread bigint',
    returns: 'timestamp with time zone',
    language: 'sql',
    volatility: 'stable',
    parallel: 'safe',
    migration: '1733860000000-sla',
    body: `
    SELECT min(i.created_at) FROM message i
     WHERE i.thread_id = thread AND NOT i.is_from_account AND NOT i.deleted
       AND i.created_at > COALESCE(GREATEST(
             (SELECT max(r.created_at) FROM message r
               WHERE r.thread_id = thread AND r.is_from_account AND (r.delivery = 'sent' OR r.external_id IS NOT NULL)),
             (SELECT max(h.handled_at) FROM message h WHERE h.thread_id = thread AND NOT h.is_from_account AND h.handled_at IS NOT NULL)),
           '-infinity'::timestamptz)
  `,
  },
  /** Histogram bucket of a duration: 0 under a second, then buckets 20 % wide. */
  durationBucket: {
    name: 'resonance_duration_bucket',
    arguments: 'seconds double precision',
    returns: 'smallint',
    language: 'sql',
    volatility: 'immutable',
    parallel: 'safe',
    migration: '1732500000000-reports',
    body: `
    SELECT CASE WHEN seconds < 1 THEN 0 ELSE 1 + floor(ln(seconds) / ln(1.2))::int END::smallint
  `,
  },
  /** NOTIFY `messages.updated` for queued moderation actions (insert; updates: notifyMessageActionsChanged) and likes (no message column the message trigger watches changes). */
  notifyMessageActions: {
    name: 'resonance_notify_message_actions',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1732950000000-message-actions',
    body: `
    DECLARE r record;
    BEGIN
      FOR r IN SELECT workspace_id, array_agg(DISTINCT message_id::text) AS ids FROM changed_actions GROUP BY workspace_id LOOP
        PERFORM pg_notify('resonance_db_events',
          json_build_object('kind', 'messages.updated', 'workspaceId', r.workspace_id,
                            'ids', r.ids[1:200], 'count', cardinality(r.ids))::text);
      END LOOP;
      RETURN NULL;
    END
  `,
  },
  /**
   * The same NOTIFY for updated actions, but only for rows where more than attempted_at changed: the
   * worker commits attempted_at before each network call, which no dashboard shows, and a NOTIFY
   * takes the global notify-queue lock at commit (docs/benchmarks.md, Stop 36).
   */
  notifyMessageActionsChanged: {
    name: 'resonance_notify_message_actions_changed',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1734000000000-rule-run-audit',
    body: `
    DECLARE r record;
    BEGIN
      FOR r IN SELECT n.workspace_id, array_agg(DISTINCT n.message_id::text) AS ids
                 FROM changed_actions n JOIN old_actions o ON o.id = n.id
                WHERE (to_jsonb(n) - 'attempted_at') IS DISTINCT FROM (to_jsonb(o) - 'attempted_at')
                GROUP BY n.workspace_id LOOP
        PERFORM pg_notify('resonance_db_events',
          json_build_object('kind', 'messages.updated', 'workspaceId', r.workspace_id,
                            'ids', r.ids[1:200], 'count', cardinality(r.ids))::text);
      END LOOP;
      RETURN NULL;
    END
  `,
  },
  /** Deleting threads deletes their report_thread_comment rows, per statement. */
  forgetThreadComments: {
    name: 'resonance_forget_thread_comments',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1733200000000-thread-comment-rollups',
    body: `
    BEGIN
      DELETE FROM report_thread_comment c USING deleted_threads d WHERE c.thread_id = d.id;
      RETURN NULL;
    END
  `,
  },
  /** What ON DELETE SET NULL did for message.author_contact_id and thread.contact_id, per statement (the foreign keys cost ingestion ~9 %). */
  forgetDeletedContacts: {
    name: 'resonance_forget_deleted_contacts',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1733400000000-ingest-reference-checks',
    body: `
    BEGIN
      UPDATE message SET author_contact_id = NULL WHERE author_contact_id IN (SELECT id FROM deleted_contacts);
      UPDATE thread SET contact_id = NULL WHERE contact_id IN (SELECT id FROM deleted_contacts);
      RETURN NULL;
    END
  `,
  },
  /** What ON DELETE SET NULL did for thread.post_id, per statement. */
  forgetDeletedPosts: {
    name: 'resonance_forget_deleted_posts',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1733400000000-ingest-reference-checks',
    body: `
    BEGIN
      UPDATE thread SET post_id = NULL WHERE post_id IN (SELECT id FROM deleted_posts);
      RETURN NULL;
    END
  `,
  },
  /** NOTIFY resonance_session_ends with the deleted session ids (or a recheck for large purges) so live streams end with their session. */
  notifySessionsEnded: {
    name: 'resonance_notify_sessions_ended',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1733620000000-session-end-notify',
    body: `
    DECLARE
      ids text[];
    BEGIN
      SELECT array_agg(id) INTO ids FROM ended;
      IF ids IS NULL THEN
        RETURN NULL;
      END IF;
      IF cardinality(ids) > 100 THEN
        PERFORM pg_notify('resonance_session_ends', json_build_object('recheck', true)::text);
      ELSE
        PERFORM pg_notify('resonance_session_ends', json_build_object('sessionIds', ids)::text);
      END IF;
      RETURN NULL;
    END
  `,
  },
  /** NOTIFY resonance_session_ends with the user id when role, active flag, password or workspace changes. */
  notifyUserAccessChanged: {
    name: 'resonance_notify_user_access_changed',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1733620000000-session-end-notify',
    body: `
    BEGIN
      PERFORM pg_notify('resonance_session_ends', json_build_object('userId', NEW.id)::text);
      RETURN NULL;
    END
  `,
  },
  /** Refuses a workspace time zone PostgreSQL does not know; zones once found in pg_timezone_names (slow to read) are kept in known_time_zone. */
  checkWorkspaceTimezone: {
    name: 'resonance_check_workspace_timezone',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1733660000000-workspace-timezone-check',
    body: `
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
    END
  `,
  },
  /** The one INSERT of notifications: one row per active recipient of the workspace and event (dedupe key), in-app and e-mail as the recipient's settings say; none when both are off. */
  notify: {
    name: 'resonance_notify',
    arguments:
      'p_workspace_id uuid, p_user_ids uuid[], p_kind text, p_dedupe_key text, p_thread_id bigint, p_channel_account_id uuid, p_actor_user_id uuid, p_due_at timestamp with time zone',
    returns: 'SETOF bigint',
    language: 'sql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1733850000000-notifications',
    body: `
    INSERT INTO notification (workspace_id, user_id, kind, dedupe_key, thread_id, channel_account_id, actor_user_id, due_at, in_app, email_state)
    SELECT p_workspace_id, u.id, p_kind, p_dedupe_key, p_thread_id, p_channel_account_id, p_actor_user_id, p_due_at,
           NOT (p_kind = ANY(COALESCE(s.in_app_off, '{}'))),
           CASE WHEN p_kind = ANY(COALESCE(s.email_off, '{}')) THEN 'off' ELSE 'pending' END
      FROM users u LEFT JOIN notification_setting s ON s.user_id = u.id
     WHERE u.id = ANY(p_user_ids) AND u.workspace_id = p_workspace_id AND u.active
       AND NOT (p_kind = ANY(COALESCE(s.in_app_off, '{}')) AND p_kind = ANY(COALESCE(s.email_off, '{}')))
    ON CONFLICT (user_id, dedupe_key) DO NOTHING
    RETURNING id
  `,
  },
  /** NOTIFY resonance_db_events `notifications.inserted` (up to 200 ids per workspace and statement) for the live bells. */
  notifyNotificationsInserted: {
    name: 'resonance_notify_notifications_inserted',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1733850000000-notifications',
    body: `
    DECLARE r record;
    BEGIN
      FOR r IN SELECT workspace_id, array_agg(id::text ORDER BY id) AS ids FROM new_rows WHERE in_app GROUP BY workspace_id LOOP
        PERFORM pg_notify('resonance_db_events',
          json_build_object('kind', 'notifications.inserted', 'workspaceId', r.workspace_id, 'ids', r.ids[1:200], 'count', cardinality(r.ids))::text);
      END LOOP;
      RETURN NULL;
    END
  `,
  },
  /** Notifies the workspace's active admins when a channel starts needing reconnection (whoever set the status). */
  notifyChannelNeedsReauth: {
    name: 'resonance_notify_channel_needs_reauth',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1733850000000-notifications',
    body: `
    BEGIN
      PERFORM resonance_notify(NEW.workspace_id,
                               ARRAY(SELECT id FROM users WHERE workspace_id = NEW.workspace_id AND role = 'admin' AND active),
                               'channel_reauth',
                               'channel_reauth:' || NEW.id::text || ':' || floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint::text,
                               NULL, NEW.id, NULL, NULL);
      RETURN NULL;
    END
  `,
  },
  /** Bumps a workspace's rule_set version when rules are added or removed (the worker's rule cache reads it, rules-cache.ts). */
  ruleSetBump: {
    name: 'resonance_rule_set_bump',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1733920000000-rules',
    body: `
      BEGIN
        INSERT INTO rule_set (workspace_id)
             SELECT DISTINCT workspace_id FROM changed_rules
        ON CONFLICT (workspace_id) DO UPDATE SET version = rule_set.version + 1;
        RETURN NULL;
      END `,
  },
  /** The same for a change of what a rule is (a row trigger: a statement trigger with a transition table cannot name columns). */
  ruleSetBumpRow: {
    name: 'resonance_rule_set_bump_row',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    parallel: 'unsafe',
    migration: '1733920000000-rules',
    body: `
      BEGIN
        INSERT INTO rule_set (workspace_id) VALUES (NEW.workspace_id)
        ON CONFLICT (workspace_id) DO UPDATE SET version = rule_set.version + 1;
        RETURN NULL;
      END `,
  },
} satisfies Record<string, SchemaFunction>;

export const SCHEMA_TRIGGERS: readonly SchemaTrigger[] = [
  {
    name: 'message_inserted_notify',
    table: 'message',
    migration: '1732400000000-inbox-api',
    definition:
      'CREATE TRIGGER message_inserted_notify AFTER INSERT ON public.message REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION resonance_notify_messages_inserted()',
  },
  {
    name: 'message_updated_notify',
    table: 'message',
    migration: '1732400000000-inbox-api',
    definition:
      'CREATE TRIGGER message_updated_notify AFTER UPDATE ON public.message REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION resonance_notify_messages_updated()',
  },
  {
    name: 'message_stamp_handled',
    table: 'message',
    migration: '1732500000000-reports',
    definition:
      'CREATE TRIGGER message_stamp_handled BEFORE UPDATE ON public.message FOR EACH ROW WHEN (((new.hidden AND (NOT old.hidden)) OR (new.deleted AND (NOT old.deleted)))) EXECUTE FUNCTION resonance_stamp_handled()',
  },
  {
    name: 'message_inserted_mark_dirty',
    table: 'message',
    migration: '1732500000000-reports',
    definition:
      'CREATE TRIGGER message_inserted_mark_dirty AFTER INSERT ON public.message REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION resonance_mark_threads_dirty()',
  },
  {
    name: 'message_updated_mark_dirty',
    table: 'message',
    migration: '1732500000000-reports',
    definition:
      'CREATE TRIGGER message_updated_mark_dirty AFTER UPDATE ON public.message REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION resonance_mark_threads_dirty()',
  },
  {
    name: 'message_action_inserted_notify',
    table: 'message_action',
    migration: '1732950000000-message-actions',
    definition:
      'CREATE TRIGGER message_action_inserted_notify AFTER INSERT ON public.message_action REFERENCING NEW TABLE AS changed_actions FOR EACH STATEMENT EXECUTE FUNCTION resonance_notify_message_actions()',
  },
  {
    name: 'message_action_updated_notify',
    table: 'message_action',
    migration: '1734000000000-rule-run-audit',
    definition:
      'CREATE TRIGGER message_action_updated_notify AFTER UPDATE ON public.message_action REFERENCING OLD TABLE AS old_actions NEW TABLE AS changed_actions FOR EACH STATEMENT EXECUTE FUNCTION resonance_notify_message_actions_changed()',
  },
  {
    name: 'thread_deleted_forget_comments',
    table: 'thread',
    migration: '1733200000000-thread-comment-rollups',
    definition:
      'CREATE TRIGGER thread_deleted_forget_comments AFTER DELETE ON public.thread REFERENCING OLD TABLE AS deleted_threads FOR EACH STATEMENT EXECUTE FUNCTION resonance_forget_thread_comments()',
  },
  {
    name: 'contact_deleted_forget',
    table: 'contact',
    migration: '1733400000000-ingest-reference-checks',
    definition:
      'CREATE TRIGGER contact_deleted_forget AFTER DELETE ON public.contact REFERENCING OLD TABLE AS deleted_contacts FOR EACH STATEMENT EXECUTE FUNCTION resonance_forget_deleted_contacts()',
  },
  {
    name: 'post_deleted_forget',
    table: 'post',
    migration: '1733400000000-ingest-reference-checks',
    definition:
      'CREATE TRIGGER post_deleted_forget AFTER DELETE ON public.post REFERENCING OLD TABLE AS deleted_posts FOR EACH STATEMENT EXECUTE FUNCTION resonance_forget_deleted_posts()',
  },
  {
    name: 'session_deleted_notify',
    table: 'session',
    migration: '1733620000000-session-end-notify',
    definition:
      'CREATE TRIGGER session_deleted_notify AFTER DELETE ON public.session REFERENCING OLD TABLE AS ended FOR EACH STATEMENT EXECUTE FUNCTION resonance_notify_sessions_ended()',
  },
  {
    name: 'users_access_changed_notify',
    table: 'users',
    migration: '1733620000000-session-end-notify',
    definition:
      'CREATE TRIGGER users_access_changed_notify AFTER UPDATE ON public.users FOR EACH ROW WHEN (((old.role IS DISTINCT FROM new.role) OR (old.active IS DISTINCT FROM new.active) OR (old.password_hash IS DISTINCT FROM new.password_hash) OR (old.workspace_id IS DISTINCT FROM new.workspace_id))) EXECUTE FUNCTION resonance_notify_user_access_changed()',
  },
  {
    name: 'workspace_timezone_known_insert',
    table: 'workspace',
    migration: '1733660000000-workspace-timezone-check',
    definition:
      'CREATE TRIGGER workspace_timezone_known_insert BEFORE INSERT ON public.workspace FOR EACH ROW EXECUTE FUNCTION resonance_check_workspace_timezone()',
  },
  {
    name: 'workspace_timezone_known_update',
    table: 'workspace',
    migration: '1733660000000-workspace-timezone-check',
    definition:
      'CREATE TRIGGER workspace_timezone_known_update BEFORE UPDATE OF timezone ON public.workspace FOR EACH ROW WHEN ((new.timezone IS DISTINCT FROM old.timezone)) EXECUTE FUNCTION resonance_check_workspace_timezone()',
  },
  {
    name: 'thread_sla_due_insert',
    table: 'thread',
    migration: '1733860000000-sla',
    definition:
      'CREATE TRIGGER thread_sla_due_insert BEFORE INSERT ON public.thread FOR EACH ROW WHEN (((new.waiting_since IS NOT NULL) AND (new.sla_due_at IS NULL))) EXECUTE FUNCTION resonance_thread_sla_due()',
  },
  {
    name: 'thread_sla_due_update',
    table: 'thread',
    migration: '1733860000000-sla',
    definition:
      'CREATE TRIGGER thread_sla_due_update BEFORE UPDATE OF waiting_since, priority, status ON public.thread FOR EACH ROW WHEN (((new.waiting_since IS DISTINCT FROM old.waiting_since) OR (new.priority IS DISTINCT FROM old.priority) OR (new.status IS DISTINCT FROM old.status))) EXECUTE FUNCTION resonance_thread_sla_due()',
  },
  {
    name: 'notification_inserted_notify',
    table: 'notification',
    migration: '1733850000000-notifications',
    definition:
      'CREATE TRIGGER notification_inserted_notify AFTER INSERT ON public.notification REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION resonance_notify_notifications_inserted()',
  },
  {
    name: 'channel_needs_reauth_notify',
    table: 'channel_account',
    migration: '1733850000000-notifications',
    definition:
      "CREATE TRIGGER channel_needs_reauth_notify AFTER UPDATE OF status ON public.channel_account FOR EACH ROW WHEN (((new.status = 'needs_reauth'::text) AND (old.status IS DISTINCT FROM 'needs_reauth'::text))) EXECUTE FUNCTION resonance_notify_channel_needs_reauth()",
  },
  {
    name: 'rule_insert_version',
    table: 'rule',
    migration: '1733920000000-rules',
    definition:
      'CREATE TRIGGER rule_insert_version AFTER INSERT ON public.rule REFERENCING NEW TABLE AS changed_rules FOR EACH STATEMENT EXECUTE FUNCTION resonance_rule_set_bump()',
  },
  {
    name: 'rule_delete_version',
    table: 'rule',
    migration: '1733920000000-rules',
    definition:
      'CREATE TRIGGER rule_delete_version AFTER DELETE ON public.rule REFERENCING OLD TABLE AS changed_rules FOR EACH STATEMENT EXECUTE FUNCTION resonance_rule_set_bump()',
  },
  {
    name: 'rule_update_version',
    table: 'rule',
    migration: '1733920000000-rules',
    definition:
      'CREATE TRIGGER rule_update_version AFTER UPDATE OF "position", name, enabled, mode, stop_after, conditions, actions ON public.rule FOR EACH ROW EXECUTE FUNCTION resonance_rule_set_bump_row()',
  },
];

/** CREATE OR REPLACE FUNCTION for a function of this module: the text a new migration embeds. */
export function createFunctionSql(fn: SchemaFunction): string {
  const attributes = [`LANGUAGE ${fn.language}`, fn.volatility.toUpperCase(), `PARALLEL ${fn.parallel.toUpperCase()}`].join(' ');
  return `CREATE OR REPLACE FUNCTION ${fn.name}(${fn.arguments}) RETURNS ${fn.returns} ${attributes} AS $$${fn.body}$$`;
}

/** Whitespace-insensitive form of a body or definition, for comparing with what PostgreSQL stores. */
export function normaliseSql(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}
