import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NETWORKS, type SlaSettings, type UpdateSlaSettingsRequest } from '@resonance/contracts';
import { isJsonObject } from '@resonance/db';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { oneOf } from '../common/narrow';
import { SlaRepository } from './sla.repository';
import { checkBusinessHours, checkHolidays, checkMinutes, checkTargets } from './sla-rules';

/**
 * SLA targets, business hours and holidays (docs/sla.md). Saving them recomputes the due time of
 * the workspace's waiting threads in the same transaction, so the inbox and its "SLA due first"
 * order never mix old and new rules; the reports take the new rules from the next rollup (run
 * `resonance rollup` to recount the past).
 */
@Injectable()
export class SlaService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SlaRepository) private readonly sla: SlaRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async get(user: AuthUser): Promise<SlaSettings> {
    const [policy, targets, holidays] = await Promise.all([
      this.sla.policy(user.workspaceId),
      this.sla.targets(user.workspaceId),
      this.sla.holidays(user.workspaceId),
    ]);
    if (!policy) throw new NotFoundException('no such workspace');
    const hours = policy.businessHours;
    // jsonb holds any JSON: checked on save, checked again here (a rule broken throws, as schema drift).
    if (!isJsonObject(hours)) throw new Error('workspace.business_hours holds JSON that is not business hours');
    checkBusinessHours(hours);
    return {
      defaultMinutes: policy.defaultMinutes,
      businessHoursOnly: policy.businessHoursOnly,
      targets: targets.map((t) => ({
        network: t.network === null ? null : oneOf(NETWORKS, t.network, 'sla_target.network'),
        priority: t.priority,
        minutes: t.minutes,
      })),
      businessHours: hours,
      holidays: holidays.map((h) => ({ date: h.date, name: h.name })),
      timezone: policy.timezone,
    };
  }

  async update(user: AuthUser, body: UpdateSlaSettingsRequest): Promise<SlaSettings> {
    checkMinutes(body.defaultMinutes);
    checkTargets(body.targets);
    checkBusinessHours(body.businessHours);
    checkHolidays(body.holidays);
    const holidays = body.holidays.map((h) => ({ date: h.date, name: h.name.trim() }));
    // Empty days are closed either way: stored without them.
    const businessHours = Object.fromEntries(Object.entries(body.businessHours).filter(([, spans]) => spans.length > 0));
    await this.dataSource.transaction(async (tx) => {
      await this.sla.replace(user.workspaceId, { ...body, businessHours, holidays }, tx);
      await this.sla.recomputeDue(user.workspaceId, tx);
      await this.audit.record(
        {
          workspaceId: user.workspaceId,
          actorUserId: user.id,
          action: 'sla.update',
          targetType: 'workspace',
          targetId: user.workspaceId,
          data: { defaultMinutes: body.defaultMinutes, businessHoursOnly: body.businessHoursOnly, targets: body.targets, businessHours, holidays },
        },
        tx,
      );
    });
    return this.get(user);
  }
}
