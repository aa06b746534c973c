import type { Network } from '../networks';
import type { BusinessHoursWire } from './settings';

/** One first-response target: for a network, a priority, or both (the most specific one applies). */
export interface SlaTargetWire {
  network: Network | null;
  /** 0 (none) … 3 (urgent) */
  priority: number | null;
  minutes: number;
}

/** A day the workspace is closed, as a local date of its time zone. */
export interface HolidayWire {
  /** YYYY-MM-DD */
  date: string;
  name: string;
}

/**
 * GET /api/sla (every role), PUT /api/sla (admins): the first-response targets, whether the SLA
 * clock counts business hours only, the weekly schedule and the holidays, in the workspace's time
 * zone (timezone, changed through PATCH /api/settings).
 */
export interface SlaSettings {
  defaultMinutes: number;
  /** true: a thread is due when its target has passed in business hours (schedule, holidays); false: calendar time. */
  businessHoursOnly: boolean;
  targets: SlaTargetWire[];
  /** weekday (0 = Sunday) → [["08:00","12:00"], ["13:00","17:00"]]; a missing or empty day is closed. */
  businessHours: BusinessHoursWire;
  holidays: HolidayWire[];
  timezone: string;
}

/** PUT /api/sla: replaces everything but the time zone. */
export type UpdateSlaSettingsRequest = Omit<SlaSettings, 'timezone'>;

/**
 * Codes of the API's refusals (ApiErrorBody.code); the dashboard shows each in the user's language.
 * The SLA and settings checks give them; other refusals are translated by their status.
 */
export const API_ERROR_CODES = [
  'SLA_MINUTES_RANGE',
  'SLA_TARGET_EMPTY',
  'SLA_TARGET_DUPLICATE',
  'HOURS_SPAN_INVALID',
  'HOURS_SPAN_OVERLAP',
  'HOURS_TOO_MANY_SPANS',
  'HOLIDAY_DATE_INVALID',
  'HOLIDAY_DUPLICATE',
  'HOLIDAY_NAME_INVALID',
  'TIMEZONE_UNKNOWN',
  // Connecting a network this server has no app credentials for (e.g. XING's partner consumer).
  'NETWORK_NOT_CONFIGURED',
  // "Sync now" refused (issue 28): the channel is not synced (paused, needs reconnecting, error),
  // the network's budget is spent until its reset, or so nearly spent that a run now would spend it.
  'SYNC_NOT_SYNCING',
  'SYNC_BUDGET_PAUSED',
  'SYNC_BUDGET_LOW',
  // Moderation (docs/moderation.md): the network's API does not allow this action on this message
  // at all; the message's state does not allow it now (e.g. hide of a hidden comment); another
  // action on the message is still queued.
  'ACTION_NOT_ALLOWED',
  'ACTION_NOT_NOW',
  'ACTION_PENDING',
  // Rules (docs/rules.md): a rule that is not well-formed; a regular expression refused as unsafe;
  // a reply action outside the networks and kinds where automated replies are allowed; an undo of
  // what cannot be undone (a delete, a reply).
  'RULE_INVALID',
  'RULE_REGEX_UNSAFE',
  'RULE_REPLY_NOT_ALLOWED',
  'RULE_UNDO_IMPOSSIBLE',
  // Private replies (docs/instagram.md): the comment has had its one private reply; it is older
  // than the network allows (Instagram: 7 days); it is hidden.
  'PRIVATE_REPLY_SENT',
  'PRIVATE_REPLY_EXPIRED',
  'PRIVATE_REPLY_HIDDEN',
  // Settings: an own domain that is no domain name (spam signal, docs/moderation.md), or too many.
  'OWN_DOMAIN_INVALID',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
