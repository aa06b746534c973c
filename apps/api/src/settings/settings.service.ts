import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { BusinessHours } from '@resonance/db';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import type { SettingsView, UpdateSettingsBody } from './settings.dto';
import { SlaRepository } from '../sla/sla.repository';
import { checkBusinessHours as checkSchedule, SlaRuleError } from '../sla/sla-rules';
import { SettingsRepository, type SettingsRow } from './settings.repository';
import { ownDomainsOf } from './own-domains';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Weekdays 0–6 to up to four ["HH:MM","HH:MM"] spans, each starting before it ends. */
export function isBusinessHours(hours: unknown): hours is BusinessHours {
  return (
    typeof hours === 'object' &&
    hours !== null &&
    !Array.isArray(hours) &&
    Object.entries(hours).every(
      ([day, spans]) =>
        /^[0-6]$/.test(day) &&
        Array.isArray(spans) &&
        spans.length <= 4 &&
        spans.every((s) => Array.isArray(s) && s.length === 2 && HHMM.test(String(s[0])) && HHMM.test(String(s[1])) && String(s[0]) < String(s[1])),
    )
  );
}

function checkBusinessHours(hours: unknown): void {
  if (!isBusinessHours(hours)) throw new SlaRuleError('HOURS_SPAN_INVALID', 'businessHours must map weekdays 0–6 to up to four ["HH:MM","HH:MM"] spans');
  checkSchedule(hours);
}

/** The settings as the API shows them; business hours were checked on save (jsonb holds any JSON, so checked again). */
function toView(row: SettingsRow | undefined): SettingsView {
  if (!row) throw new NotFoundException('no such workspace');
  if (!isBusinessHours(row.businessHours)) throw new Error('workspace.business_hours holds JSON that is not business hours');
  return {
    name: row.name,
    slug: row.slug,
    timezone: row.timezone,
    businessHours: row.businessHours,
    ownDomains: row.ownDomains,
    humanAgentTagApproved: row.humanAgentTagApproved,
  };
}

/** The workspace's name, time zone and business hours (the reports count days and hours by them). */
@Injectable()
export class SettingsService {
  constructor(
    @Inject(SettingsRepository) private readonly settings: SettingsRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SlaRepository) private readonly sla: SlaRepository,
  ) {}

  async get(user: AuthUser): Promise<SettingsView> {
    return toView(await this.settings.get(user.workspaceId));
  }

  async update(user: AuthUser, body: UpdateSettingsBody): Promise<SettingsView> {
    if (body.name === undefined && body.timezone === undefined && body.businessHours === undefined && body.ownDomains === undefined)
      throw new BadRequestException('nothing to change');
    if (body.timezone !== undefined) await this.checkTimezone(body.timezone);
    if (body.businessHours !== undefined) checkBusinessHours(body.businessHours);
    const ownDomains = body.ownDomains === undefined ? undefined : ownDomainsOf(body.ownDomains);
    const row = toView(
      await this.settings.update(user.workspaceId, { name: body.name, timezone: body.timezone, businessHours: body.businessHours, ownDomains }),
    );
    // Due times are counted in the zone and the schedule (docs/sla.md).
    if (body.timezone !== undefined || body.businessHours !== undefined) await this.sla.recomputeDue(user.workspaceId);
    await this.audit.record({
      workspaceId: user.workspaceId,
      actorUserId: user.id,
      action: 'settings.update',
      targetType: 'workspace',
      targetId: user.workspaceId,
      data: { name: body.name, timezone: body.timezone, businessHours: body.businessHours, ownDomains },
    });
    return row;
  }

  /**
   * The workspace's word that Meta approved its app for the HUMAN_AGENT tag: from now on the
   * outbound worker tags Instagram direct messages sent 24 hours to 7 days after the customer's
   * last message, and the composer allows them. Audited with what it was before.
   */
  async setHumanAgentTag(user: AuthUser, approved: boolean): Promise<SettingsView> {
    const was = await this.settings.setHumanAgentTag(user.workspaceId, approved);
    if (was === undefined) throw new NotFoundException('no such workspace');
    await this.audit.record({
      workspaceId: user.workspaceId,
      actorUserId: user.id,
      action: 'settings.human_agent_tag',
      targetType: 'workspace',
      targetId: user.workspaceId,
      data: { approved, was },
    });
    return this.get(user);
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
    const known = knownToNode && (await this.settings.timezoneKnown(tz));
    if (!known) {
      throw new SlaRuleError(
        'TIMEZONE_UNKNOWN',
        `time zone "${tz}" is not one the database knows: choose an IANA time zone name such as Europe/Berlin or America/Los_Angeles`,
      );
    }
  }
}
