import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BusinessHours } from '@resonance/db';
import { sqlClient, type Queryable } from '@resonance/db';
import { getSettings, setHumanAgentTag, timezoneKnown, updateSettings, type IGetSettingsResult } from './settings.queries';

export type SettingsRow = IGetSettingsResult;

/** All SQL of the workspace settings (settings.sql, typed by pgTyped in settings.queries.ts). */
@Injectable()
export class SettingsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async get(workspaceId: string, db: Queryable = this.dataSource): Promise<SettingsRow | undefined> {
    const [row] = await getSettings.run({ workspaceId }, sqlClient(db));
    return row;
  }

  /** Changes the given fields (undefined: unchanged); undefined when there is no such workspace. */
  async update(
    workspaceId: string,
    changes: { name?: string; timezone?: string; businessHours?: BusinessHours; ownDomains?: string[] },
    db: Queryable = this.dataSource,
  ): Promise<SettingsRow | undefined> {
    const [row] = await updateSettings.run(
      {
        workspaceId,
        name: changes.name ?? null,
        timezone: changes.timezone ?? null,
        businessHours: changes.businessHours ? JSON.stringify(changes.businessHours) : null,
        ownDomains: changes.ownDomains ?? null,
      },
      sqlClient(db),
    );
    return row;
  }

  /** Records the HUMAN_AGENT approval; what it was before, undefined when there is no such workspace. */
  async setHumanAgentTag(workspaceId: string, approved: boolean, db: Queryable = this.dataSource): Promise<boolean | undefined> {
    const [row] = await setHumanAgentTag.run({ workspaceId, approved }, sqlClient(db));
    return row?.was;
  }

  /** Whether PostgreSQL knows the time zone by exactly this name. */
  async timezoneKnown(name: string, db: Queryable = this.dataSource): Promise<boolean> {
    const [row] = await timezoneKnown.run({ name }, sqlClient(db));
    return row?.known ?? false;
  }
}
