import { CHANNEL_STATUSES, DELIVERY_STATES, INTENTS, THREAD_STATUSES, USER_ROLES, type ChannelStatus, type DeliveryState, type Intent, type ThreadStatus, type UserRole } from './domain';

/**
 * Narrowing for the enumerations of the data model. PostgreSQL keeps them as text with a CHECK, so
 * a typed query (pgTyped) answers `string`: a repository narrows with these, never with a cast.
 */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export const isChannelStatus = (value: string): value is ChannelStatus => isOneOf(CHANNEL_STATUSES, value);
export const isThreadStatus = (value: string): value is ThreadStatus => isOneOf(THREAD_STATUSES, value);
export const isDeliveryState = (value: string): value is DeliveryState => isOneOf(DELIVERY_STATES, value);
export const isUserRole = (value: string): value is UserRole => isOneOf(USER_ROLES, value);
export const isIntent = (value: string): value is Intent => isOneOf(INTENTS, value);
