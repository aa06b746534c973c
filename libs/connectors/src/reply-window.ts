import type { MessageChannel, Network } from '@resonance/contracts';

/**
 * The messaging windows of the networks that have one (Instagram, Messenger): a business may
 * answer a direct conversation only within 24 hours of the customer's last message, and — where
 * the workspace has Meta's approval for the HUMAN_AGENT tag and the network's connector sends it —
 * a person up to 7 days after it. The API reports it with the thread (ThreadDetail.replyWindow) so
 * the composer says why before anyone types; the connectors' refusal() applies the same limits.
 */
const WINDOWS: Readonly<Partial<Record<Network, { hours: number; humanAgentHours: number | null }>>> = {
  instagram: { hours: 24, humanAgentHours: 7 * 24 },
  // The Facebook connector sends no HUMAN_AGENT tag (yet): Messenger stays at 24 hours.
  facebook: { hours: 24, humanAgentHours: null },
};

export interface ReplyWindowState {
  hours: number;
  humanAgent: boolean;
  /** When the window closes (or closed); null: the customer has not written, so it never opened. */
  closesAt: Date | null;
  closed: boolean;
}

/** The window of a conversation now, or null where the network has none for this kind of thread. */
export function replyWindowOf(
  network: Network,
  channel: MessageChannel,
  lastInboundAt: Date | null,
  humanAgentApproved: boolean,
  now: Date,
): ReplyWindowState | null {
  const window = WINDOWS[network];
  if (!window || channel !== 'direct') return null;
  const humanAgent = humanAgentApproved && window.humanAgentHours !== null;
  const hours = humanAgent && window.humanAgentHours !== null ? window.humanAgentHours : window.hours;
  if (!lastInboundAt) return { hours, humanAgent, closesAt: null, closed: true };
  const closesAt = new Date(lastInboundAt.getTime() + hours * 3600_000);
  return { hours, humanAgent, closesAt, closed: closesAt.getTime() < now.getTime() };
}
