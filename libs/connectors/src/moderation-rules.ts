import type { ModerationAction, Network } from '@resonance/contracts';
import { facebookModerationRule } from './facebook/moderation';
import { instagramModerationRule } from './instagram/moderation';
import { linkedinModerationRule } from './linkedin/moderation';
import { moderatable, type ModerationRule, type ModerationSubject } from './moderation';
import { xingModerationRule } from './xing/moderation';
import { xModerationRule } from './x/moderation';
import { youtubeModerationRule } from './youtube/moderation';

/**
 * The networks' rules, as their connectors declare them (each one's moderation.ts). Plain
 * functions, so the API words every message's actions without building a connector: what a
 * network allows involves no settings or credentials. A network not listed allows none.
 */
const RULES: Readonly<Partial<Record<Network, ModerationRule>>> = {
  facebook: facebookModerationRule,
  instagram: instagramModerationRule,
  x: xModerationRule,
  youtube: youtubeModerationRule,
  linkedin: linkedinModerationRule,
  xing: xingModerationRule,
};

/** The actions the network allows on this message now; empty for a network that allows none. */
export function moderationActionsNow(network: Network, subject: ModerationSubject): ModerationAction[] {
  const rule = RULES[network];
  return rule && moderatable(subject) ? rule(subject) : [];
}

/** A customer's comment under one of the account's posts, as favourable as a subject gets. */
const CUSTOMER_COMMENT: ModerationSubject = {
  channel: 'comment',
  fromAccount: false,
  hasExternalId: true,
  underOwnPost: true,
  authorKnown: true,
  authorBlocked: false,
  hidden: false,
  liked: false,
  deleted: false,
};

/**
 * Whether the network lets the account moderate no customer's comment at all through its API
 * (XING: only the company's own comments can be deleted) — the dashboard says so plainly.
 */
export const networkAllowsNoModeration = (network: Network): boolean => moderationActionsNow(network, CUSTOMER_COMMENT).length === 0;
