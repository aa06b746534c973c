/** Enumerations of the data model (DESIGN.md §3), shared by api, worker and web. */
export const USER_ROLES = ['admin', 'agent', 'analyst'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const CHANNEL_STATUSES = ['connected', 'needs_reauth', 'paused', 'error'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

export const THREAD_STATUSES = ['open', 'pending', 'closed'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

export const MESSAGE_DIRECTIONS = ['inbound', 'outbound'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const INTENTS = [
  'discount_request',
  'purchase_intent',
  'product_question',
  'complaint_support',
  'praise',
  'other_spam',
] as const;
export type Intent = (typeof INTENTS)[number];
