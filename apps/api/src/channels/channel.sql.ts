import { NETWORK_ACCESS_NOTES, toIso, toIsoOrNull, type ChannelView } from '@resonance/contracts';

/** A row of CHANNEL_COLUMNS as the driver gives it (timestamps as Date). */
export interface ChannelRow extends Omit<ChannelView, 'lastSyncedAt' | 'lastErrorAt' | 'credentialsExpireAt' | 'createdAt' | 'access'> {
  lastSyncedAt: Date | null;
  lastErrorAt: Date | null;
  credentialsExpireAt: Date | null;
  createdAt: Date;
}

/** The one place a channel row becomes the wire's ChannelView: ISO timestamps and the network's access note (NETWORK_ACCESS_NOTES). */
export const toChannelView = ({ lastSyncedAt, lastErrorAt, credentialsExpireAt, createdAt, ...row }: ChannelRow): ChannelView => ({
  ...row,
  lastSyncedAt: toIsoOrNull(lastSyncedAt),
  lastErrorAt: toIsoOrNull(lastErrorAt),
  credentialsExpireAt: toIsoOrNull(credentialsExpireAt),
  createdAt: toIso(createdAt),
  access: NETWORK_ACCESS_NOTES[row.network] ?? null,
});

/** Never the credentials: the column list is explicit (the connect flow answers with it too). */
export const CHANNEL_COLUMNS = `id, network, external_id AS "externalId", display_name AS "displayName", handle, status,
  last_synced_at AS "lastSyncedAt", last_error AS "lastError", last_error_at AS "lastErrorAt",
  credentials_expire_at AS "credentialsExpireAt", followers, created_at AS "createdAt",
  CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 / 100 END AS "budgetUsed"`;
