import type { EntityManager } from 'typeorm';
import { sqlClient } from '@resonance/db';
import { postgresZoneNames, storedZones, workspacesInZones } from './workspace-zones.queries';

/*
 * The rollup statements (drain.sql, rebuild.sql) date a workspace `w`'s days in
 * `(CASE WHEN w.timezone = ANY(:unknownZones!::text[]) THEN 'UTC' ELSE w.timezone END)`: UTC when
 * the zone is one of the stored zones PostgreSQL does not know (WorkspaceZones.unknown()). An
 * unknown zone makes AT TIME ZONE fail the whole statement, so one workspace would stop every
 * rollup. The usual parameter is an empty array: the test is one comparison per row, no lookup.
 */

/** PostgreSQL's zone names as read at `readAt`, and stored zones found missing from them since. */
interface KnownZones {
  names: Set<string>;
  readAt: number;
  missing: Set<string>;
}

/** How long the list of PostgreSQL's zone names is kept: a tzdata update may drop a zone. */
const KNOWN_ZONES_TTL_MS = 60 * 60_000;

/**
 * Finds the time zones stored on workspaces that PostgreSQL does not know — saved before the api
 * and the database checked them (settings.service.ts, migration 1733650000000), or dropped by a
 * tzdata update — so the rollups date those workspaces' days in UTC instead of failing for ever.
 * pg_timezone_names is slow to read (~0.1 s: it opens every zone file), so its names are kept for
 * an hour, or until a statement fails on a zone anyway (forgetKnownZones); a drain then reads only
 * the workspaces' distinct zones. A stored zone missing from the kept names makes them be read
 * again at once (a tzdata update may have added it); one still missing is then taken as unknown
 * until the names are read again, so a broken workspace costs one read an hour, not one a drain.
 */
export class WorkspaceZones {
  private known: KnownZones | undefined;
  /** Workspaces already reported, so the log says it once per workspace and process. */
  private readonly reported = new Set<string>();

  constructor(private readonly warn: (message: string) => void) {}

  /** The stored zones PostgreSQL does not know; reports each workspace with one once. */
  async unknown(tx: EntityManager): Promise<string[]> {
    const zones = (await storedZones.run(undefined, sqlClient(tx))).map((r) => r.timezone);
    const kept = this.known;
    const known =
      kept && Date.now() - kept.readAt < KNOWN_ZONES_TTL_MS && zones.every((zone) => kept.names.has(zone) || kept.missing.has(zone))
        ? kept
        : await this.readNames(tx);
    const unknown = zones.filter((zone) => !known.names.has(zone));
    for (const zone of unknown) known.missing.add(zone);
    if (unknown.length) await this.report(tx, unknown);
    return unknown;
  }

  /** After a statement failed on a time zone: the next drain reads PostgreSQL's names again. */
  forgetKnownZones(): void {
    this.known = undefined;
  }

  private async readNames(tx: EntityManager): Promise<KnownZones> {
    const rows = await postgresZoneNames.run(undefined, sqlClient(tx));
    this.known = { names: new Set(rows.map((r) => r.name)), readAt: Date.now(), missing: new Set() };
    return this.known;
  }

  private async report(tx: EntityManager, unknown: string[]): Promise<void> {
    const rows = await workspacesInZones.run({ zones: unknown }, sqlClient(tx));
    for (const { id, timezone } of rows) {
      if (this.reported.has(id)) continue;
      this.reported.add(id);
      this.warn(
        `workspace ${id}: time zone ${JSON.stringify(timezone)} is unknown to PostgreSQL; its reports count days in UTC until an admin sets a valid zone`,
      );
    }
  }
}
