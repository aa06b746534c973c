import type { DataSource } from 'typeorm';
import type { ChannelStatus } from '@resonance/contracts';

/**
 * The channel's status as it is now, for an ingest job about to store a webhook delivery: one read
 * by primary key per job, never cached (IngestStore caches a channel's identity, which never
 * changes; its status does). Undefined when the channel no longer exists.
 */
export async function currentChannelStatus(dataSource: DataSource, channelAccountId: string): Promise<ChannelStatus | undefined> {
  const [row] = (await dataSource.query(`SELECT status FROM channel_account WHERE id = $1`, [channelAccountId])) as Array<{ status: ChannelStatus }>;
  return row?.status;
}
