import { CHANNEL_STATUSES, NETWORK_ACCESS_NOTES, NETWORKS, toIso, toIsoOrNull, type ChannelView } from '@resonance/contracts';
import { oneOf } from '../common/narrow';
import type { ChannelRow } from './channels.repository';
import { syncHealth, type SyncHealthInput } from './sync-health';

/**
 * The one place a channel row becomes the wire's ChannelView: text columns narrowed, times as ISO
 * text, the network's access note and the sync health (as of `health.now`) added.
 */
export function toChannelView(row: ChannelRow, health: SyncHealthInput): ChannelView {
  const network = oneOf(NETWORKS, row.network, 'channel_account.network');
  return {
    id: row.id,
    network,
    externalId: row.externalId,
    displayName: row.displayName,
    handle: row.handle,
    status: oneOf(CHANNEL_STATUSES, row.status, 'channel_account.status'),
    lastSyncedAt: toIsoOrNull(row.lastSyncedAt),
    lastError: row.lastError,
    lastErrorAt: toIsoOrNull(row.lastErrorAt),
    credentialsExpireAt: toIsoOrNull(row.credentialsExpireAt),
    followers: row.followers,
    budgetUsed: row.budgetUsed,
    createdAt: toIso(row.createdAt),
    access: NETWORK_ACCESS_NOTES[network] ?? null,
    sync: syncHealth(row, health),
  };
}
