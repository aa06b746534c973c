/* The channel rows of sync runs and their schedules (sync-runner.ts, sync-scheduler.ts; typed into sync.queries.ts). */

/* @name ChannelSchedules */
SELECT id, network, status, (sync_state->>'intervalMs')::int AS interval_ms, last_synced_at FROM channel_account;

/* @name SetChannelNotice */
UPDATE channel_account SET last_error = :message!, last_error_at = now() WHERE id = :id!;

/* @name RenewLease */
UPDATE channel_account SET sync_state = jsonb_set(sync_state, '{lease,until}', to_jsonb(now() + :leaseMs! * interval '1 millisecond'))
        WHERE id = :id! AND sync_state->'lease'->>'owner' = :owner!;

/* @name AcquireLease */
UPDATE channel_account
          SET sync_state = jsonb_set(sync_state, '{lease}', jsonb_build_object('owner', :owner!::text, 'until', now() + :leaseMs! * interval '1 millisecond'))
        WHERE id = :id! AND status = 'connected'
          AND (sync_state->'lease' IS NULL OR (sync_state->'lease'->>'until')::timestamptz < now())
        RETURNING id;

/* Saves a page's cursors and renews the lease, inside the page's transaction; no row: the lease is lost. */
/* @name CommitStreams */
UPDATE channel_account
          SET sync_state = jsonb_set(
                jsonb_set(sync_state, '{streams}', COALESCE(sync_state->'streams', '{}'::jsonb) || :streams!::jsonb),
                '{lease}', jsonb_build_object('owner', :owner!::text, 'until', now() + :leaseMs! * interval '1 millisecond'))
        WHERE id = :id! AND sync_state->'lease'->>'owner' = :owner!
        RETURNING id;

/* Merged into the stored state, so fields a connector keeps there (YouTube's unit count) survive the pause. */
/* @name PauseBudget */
UPDATE channel_account SET rate_budget = jsonb_set(COALESCE(rate_budget, '{}'::jsonb), '{state}', COALESCE(rate_budget->'state', '{}'::jsonb) || :state!::jsonb) WHERE id = :id!;

/* Ends a run: the lease released, the interval the schedule now has, when this run ended and how many runs in a row failed
   (the channel's card computes the next sync and says "backing off" from them). */
/* @name FinishRun */
UPDATE channel_account
          SET sync_state = (CASE WHEN sync_state->'lease'->>'owner' = :owner! THEN sync_state - 'lease' ELSE sync_state END)
                           || jsonb_build_object('intervalMs', :intervalMs!::int, 'lastRunAt', now(),
                                                 'failures', CASE WHEN :ok!::boolean THEN 0 ELSE COALESCE((sync_state->>'failures')::int, 0) + 1 END),
              last_synced_at = CASE WHEN :ok!::boolean THEN now() ELSE last_synced_at END, updated_at = now()
        WHERE id = :id!;
