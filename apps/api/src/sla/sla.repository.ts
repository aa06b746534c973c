import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable } from '@resonance/db';
import type { HolidayWire, SlaTargetWire } from '@resonance/contracts';
import {
  deleteHolidays,
  deleteSlaTargets,
  getSlaPolicy,
  insertHolidays,
  insertSlaTargets,
  listHolidays,
  listSlaTargets,
  recomputeWorkspaceSlaDue,
  setBusinessHours,
  upsertSlaPolicy,
  type IGetSlaPolicyResult,
  type IListHolidaysResult,
  type IListSlaTargetsResult,
} from './sla.queries';

/** All SQL of SLA targets, business hours and holidays (sla.sql, typed in sla.queries.ts). */
@Injectable()
export class SlaRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async policy(workspaceId: string, db: Queryable = this.dataSource): Promise<IGetSlaPolicyResult | undefined> {
    const [row] = await getSlaPolicy.run({ workspaceId }, sqlClient(db));
    return row;
  }

  targets(workspaceId: string, db: Queryable = this.dataSource): Promise<IListSlaTargetsResult[]> {
    return listSlaTargets.run({ workspaceId }, sqlClient(db));
  }

  holidays(workspaceId: string, db: Queryable = this.dataSource): Promise<IListHolidaysResult[]> {
    return listHolidays.run({ workspaceId }, sqlClient(db));
  }

  /** Replaces the policy, schedule, targets and holidays (inside the caller's transaction). */
  async replace(
    workspaceId: string,
    s: {
      defaultMinutes: number;
      businessHoursOnly: boolean;
      businessHours: Record<string, Array<[string, string]>>;
      targets: SlaTargetWire[];
      holidays: HolidayWire[];
    },
    db: Queryable,
  ): Promise<void> {
    const client = sqlClient(db);
    await upsertSlaPolicy.run({ workspaceId, defaultMinutes: s.defaultMinutes, businessHoursOnly: s.businessHoursOnly }, client);
    await setBusinessHours.run({ workspaceId, businessHours: JSON.stringify(s.businessHours) }, client);
    await deleteSlaTargets.run({ workspaceId }, client);
    if (s.targets.length) {
      await insertSlaTargets.run(
        {
          workspaceId,
          networks: s.targets.map((t) => t.network ?? ''),
          priorities: s.targets.map((t) => t.priority ?? -1),
          minutes: s.targets.map((t) => t.minutes),
        },
        client,
      );
    }
    await deleteHolidays.run({ workspaceId }, client);
    if (s.holidays.length) await insertHolidays.run({ workspaceId, days: s.holidays.map((h) => h.date), names: s.holidays.map((h) => h.name) }, client);
  }

  /** Recomputes the due time of the workspace's waiting threads. */
  async recomputeDue(workspaceId: string, db: Queryable = this.dataSource): Promise<void> {
    await recomputeWorkspaceSlaDue.run({ workspaceId }, sqlClient(db));
  }
}
