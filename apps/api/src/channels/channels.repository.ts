import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable } from '@resonance/db';
import { channelForSyncNow, channelsByIds, listChannels, updateChannel, type IChannelForSyncNowResult, type IListChannelsResult } from './channels.queries';

/** A channel account as the dashboard sees it (never its credentials); every statement answers these columns. */
export type ChannelRow = IListChannelsResult;

/** All SQL of channel accounts as the dashboard lists and edits them (channels.sql, typed in channels.queries.ts). */
@Injectable()
export class ChannelsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  list(workspaceId: string, db: Queryable = this.dataSource): Promise<ChannelRow[]> {
    return listChannels.run({ workspaceId }, sqlClient(db));
  }

  /** Channels by id, by display name (the caller has just written them in its workspace). */
  byIds(ids: string[], db: Queryable = this.dataSource): Promise<ChannelRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return channelsByIds.run({ ids }, sqlClient(db));
  }

  /** The changed row; undefined when it is not the workspace's. Undefined fields stay as they are. */
  async update(
    workspaceId: string,
    id: string,
    c: { displayName?: string; status?: string },
    db: Queryable = this.dataSource,
  ): Promise<ChannelRow | undefined> {
    const [row] = await updateChannel.run({ workspaceId, id, displayName: c.displayName ?? null, status: c.status ?? null }, sqlClient(db));
    return row;
  }

  /** The workspace's channel as "sync now" judges it (status, budget pause and use); undefined when it is not the workspace's. */
  async forSyncNow(workspaceId: string, id: string, db: Queryable = this.dataSource): Promise<IChannelForSyncNowResult | undefined> {
    const [row] = await channelForSyncNow.run({ workspaceId, id }, sqlClient(db));
    return row;
  }
}
