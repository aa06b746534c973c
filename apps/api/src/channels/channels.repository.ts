import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable } from '@resonance/db';
import { channelsByIds, listChannels, updateChannel, type IListChannelsResult } from './channels.queries';

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
}
