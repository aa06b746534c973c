/** Enumerations of the data model (DESIGN.md §3), shared by api, worker and web. */
export const USER_ROLES = ['admin', 'agent', 'analyst'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const isUserRole = (value: unknown): value is UserRole => typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);

export const CHANNEL_STATUSES = ['connected', 'needs_reauth', 'paused', 'error'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

export const THREAD_STATUSES = ['open', 'pending', 'closed'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

export const MESSAGE_DIRECTIONS = ['inbound', 'outbound'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * The recovery bound of outbound work (replies, like/hide/delete). A reply or action still queued
 * or sending this long after it was written is checked by the worker's recovery sweep (every
 * OUTBOUND_RECOVERY_SWEEP_MS): committed work without a live queue job is queued again under its
 * deterministic job id. From then on an agent may also retry a reply that is not delivered. So a
 * reply stranded between commit and queue (api killed, Redis unreachable) is queued again within
 * OUTBOUND_RECOVERY_AFTER_MS + OUTBOUND_RECOVERY_SWEEP_MS = 15 s of being written.
 */
export const OUTBOUND_RECOVERY_AFTER_MS = 10_000;
export const OUTBOUND_RECOVERY_SWEEP_MS = 5_000;

export const INTENTS = ['discount_request', 'purchase_intent', 'product_question', 'complaint_support', 'praise', 'other_spam'] as const;
export type Intent = (typeof INTENTS)[number];

/** Narrows a stored intent label (a text column with a CHECK) to the contract's union. */
export const isIntent = (value: unknown): value is Intent => typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
