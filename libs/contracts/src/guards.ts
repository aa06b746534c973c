import { CHANNEL_STATUSES, DELIVERY_STATES, THREAD_STATUSES, type ChannelStatus, type DeliveryState, type ThreadStatus } from './domain';

/**
 * Narrowing for the enumerations of the data model. PostgreSQL keeps them as text with a CHECK, so
 * a typed query (pgTyped) answers `string`: a repository narrows with these (and isUserRole,
 * isIntent in domain.ts), never with a cast.
 */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export const isChannelStatus = (value: string): value is ChannelStatus => isOneOf(CHANNEL_STATUSES, value);
export const isThreadStatus = (value: string): value is ThreadStatus => isOneOf(THREAD_STATUSES, value);
export const isDeliveryState = (value: string): value is DeliveryState => isOneOf(DELIVERY_STATES, value);
