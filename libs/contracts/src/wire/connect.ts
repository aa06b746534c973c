import type { ConnectSetup, Network } from '../networks';
import type { ChannelView } from './channels';
import type { IsoDateTime } from './common';

/** POST /api/channels/connect/:network */
export interface StartConnectRequest {
  /** The channel whose Reconnect button started this (preselected in the picker). */
  channelId?: string;
  /** Which of the network's setups to sign in through (NETWORK_CONNECT_SETUPS; Instagram only); its default when absent. */
  setup?: ConnectSetup;
}

/** The network's consent page; the browser goes there. */
export interface StartConnectResponse {
  authorizationUrl: string;
}

/** An account the network's consent offers (ids and names only; the credentials stay on the server). */
export interface PendingAccount {
  externalId: string;
  displayName: string;
  handle: string | null;
  /** The workspace's existing channel of this account: picking it reconnects that channel. */
  channelId: string | null;
  channelStatus: string | null;
}

/** GET /api/channels/connect/pending/:id — what the callback brought back, for the picker. */
export interface PendingConnect {
  id: string;
  network: Network;
  expiresAt: IsoDateTime;
  /** The channel whose Reconnect button started the flow, if any. */
  reconnectChannelId: string | null;
  accounts: PendingAccount[];
}

/** POST /api/channels/connect/pending/:id */
export interface CompleteConnectRequest {
  /** The externalIds of the accounts to connect. */
  externalIds: string[];
}

export interface CompleteConnectResponse {
  channels: ChannelView[];
}
