import type { ModerationAction, Network } from '@resonance/contracts';
import { facebookModerationRule } from './facebook/moderation';
import { linkedinModerationRule } from './linkedin/moderation';
import { moderatable, type ModerationRule, type ModerationSubject } from './moderation';
import { xModerationRule } from './x/moderation';
import { youtubeModerationRule } from './youtube/moderation';

/**
 * The networks' rules, as their connectors declare them (each one's moderation.ts). Plain
 * functions, so the API words every message's actions without building a connector: what a
 * network allows involves no settings or credentials. A network not listed allows none (XING's partner API).
 */
const RULES: Readonly<Partial<Record<Network, ModerationRule>>> = {
  facebook: facebookModerationRule,
  x: xModerationRule,
  youtube: youtubeModerationRule,
  linkedin: linkedinModerationRule,
};

/** The actions the network allows on this message now; empty for a network that allows none. */
export function moderationActionsNow(network: Network, subject: ModerationSubject): ModerationAction[] {
  const rule = RULES[network];
  return rule && moderatable(subject) ? rule(subject) : [];
}

/** Whether the network allows no moderation at all through its API (the dashboard says so plainly). */
export const networkAllowsNoModeration = (network: Network): boolean => RULES[network] === undefined;
