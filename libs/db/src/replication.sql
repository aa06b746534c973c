/* WAL positions for the read router (read-router.ts; typed into replication.queries.ts). */

/* The primary's current WAL write position: every transaction committed before this ran lies at or before it. */
/* @name PrimaryWalPosition */
SELECT pg_current_wal_lsn()::text AS "lsn!";

/* On a streaming replica: whether it is one, and how far it has replayed the primary's WAL (null when not a standby). */
/* @name StandbyReplayPosition */
SELECT pg_is_in_recovery() AS "standby!", pg_last_wal_replay_lsn()::text AS "lsn";
