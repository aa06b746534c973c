import type { DataSource } from 'typeorm';
import { isChannelStatus, type ChannelStatus } from '@resonance/contracts';
import { sqlClient } from '@resonance/db';
import { channelStatus } from './channel-rows.queries';

/**
 * The channel's status as it is now, for an ingest job about to store a webhook delivery: one read
 * by primary key per job, never cached (IngestStore caches a channel's identity, which never
 * changes; its status does). Undefined when the channel no longer exists.
 */
export async function currentChannelStatus(dataSource: DataSource, channelAccountId: string): Promise<ChannelStatus | undefined> {
  const [row] = await channelStatus.run({ id: channelAccountId }, sqlClient(dataSource));
  if (!row) return undefined;
  // channel_account.status is text with a CHECK of the same values: a value outside them is a schema drift, not a status.
  if (!isChannelStatus(row.status)) throw new Error(`channel account ${channelAccountId} has an unknown status ${JSON.stringify(row.status)}`);
  return row.status;
}
