import { NETWORK_ACCESS_NOTES, type Network } from '@resonance/contracts';

/** Adds the network's access note (NETWORK_ACCESS_NOTES) to channel rows. */
export const withAccess = <T extends { network: Network }>(row: T): T & { access: string | null } => ({ ...row, access: NETWORK_ACCESS_NOTES[row.network] ?? null });

/** Never the credentials: the column list is explicit (the connect flow answers with it too). */
export const CHANNEL_COLUMNS = `id, network, external_id AS "externalId", display_name AS "displayName", handle, status,
  last_synced_at AS "lastSyncedAt", last_error AS "lastError", last_error_at AS "lastErrorAt",
  credentials_expire_at AS "credentialsExpireAt", followers, created_at AS "createdAt"`;
