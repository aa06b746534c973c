import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import type { SettingsView, UpdateSettingsBody } from './settings.dto';

const COLUMNS = `name, slug, timezone, business_hours AS "businessHours"`;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function checkBusinessHours(hours: unknown): void {
  const ok =
    typeof hours === 'object' && hours !== null && !Array.isArray(hours) &&
    Object.entries(hours).every(
      ([day, spans]) =>
        /^[0-6]$/.test(day) && Array.isArray(spans) && spans.length <= 4 &&
        spans.every((s) => Array.isArray(s) && s.length === 2 && HHMM.test(String(s[0])) && HHMM.test(String(s[1])) && String(s[0]) < String(s[1])),
    );
  if (!ok) throw new BadRequestException('businessHours must map weekdays 0–6 to up to four ["HH:MM","HH:MM"] spans');
}

/** The workspace's name, time zone and business hours (the reports count days and hours by them). */
@Injectable()
export class SettingsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async get(user: AuthUser): Promise<SettingsView> {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM workspace WHERE id = $1`, [user.workspaceId])) as SettingsView[];
    return row;
  }

  async update(user: AuthUser, body: UpdateSettingsBody): Promise<SettingsView> {
    if (body.name === undefined && body.timezone === undefined && body.businessHours === undefined) throw new BadRequestException('nothing to change');
    if (body.timezone !== undefined) await this.checkTimezone(body.timezone);
    if (body.businessHours !== undefined) checkBusinessHours(body.businessHours);
    const [row] = (await this.dataSource.query(
      `WITH u AS (UPDATE workspace SET name = COALESCE($2, name), timezone = COALESCE($3, timezone),
                         business_hours = COALESCE($4::jsonb, business_hours), updated_at = now()
                   WHERE id = $1 RETURNING *)
       SELECT ${COLUMNS} FROM u`,
      [user.workspaceId, body.name ?? null, body.timezone ?? null, body.businessHours ? JSON.stringify(body.businessHours) : null],
    )) as SettingsView[];
    await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'settings.update', targetType: 'workspace', targetId: user.workspaceId, data: { ...body } });
    return row;
  }

  /**
   * Reports and rollups compute in PostgreSQL (AT TIME ZONE), the dashboard formats in the browser
   * (Intl): the zone must be one both know. Node alone is no check — ICU still maps retired names
   * such as US/Pacific-New that PostgreSQL dropped, and every report then failed. The exact name
   * must be listed in pg_timezone_names (the view is slow to read, ~0.1 s, but only read on save).
   */
  private async checkTimezone(tz: string): Promise<void> {
    let knownToNode = true;
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
    } catch {
      knownToNode = false;
    }
    const [{ known }] = knownToNode
      ? ((await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1) AS known`, [tz])) as Array<{ known: boolean }>)
      : [{ known: false }];
    if (!known) {
      throw new BadRequestException(`time zone "${tz}" is not one the database knows: choose an IANA time zone name such as Europe/Berlin or America/Los_Angeles`);
    }
  }
}
