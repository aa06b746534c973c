import type { ChannelStatus } from '../domain';
import type { Network } from '../networks';
import type { ChannelSyncHealth } from './channel-health';
import type { IsoDateTime } from './common';

/** A connected channel account as GET /api/channels shows it (never its credentials). */
export interface ChannelView {
  id: string;
  network: Network;
  externalId: string;
  displayName: string;
  handle: string | null;
  status: ChannelStatus;
  lastSyncedAt: IsoDateTime | null;
  lastError: string | null;
  lastErrorAt: IsoDateTime | null;
  credentialsExpireAt: IsoDateTime | null;
  followers: number | null;
  /** Share of the network's rate budget used in its current window, 0…1 (more when over), when the connector has read one. */
  budgetUsed: number | null;
  createdAt: IsoDateTime;
  /** What the network requires before it can be connected (NETWORK_ACCESS_NOTES), or null. */
  access: string | null;
  /** Last and next sync, lag, pacing and its reason, budget reset, failures (channel-health.ts). */
  sync: ChannelSyncHealth;
}

/** PATCH /api/channels/:id (admins): rename, or pause / resume syncing. */
export interface UpdateChannelRequest {
  displayName?: string;
  status?: 'connected' | 'paused';
}
