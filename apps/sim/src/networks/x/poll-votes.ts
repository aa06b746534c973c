import { createHash } from 'node:crypto';
import type { XPoll } from './store';

/**
 * The sim's voters: each poll gets a number of voters and a preference per option from its id
 * (a hash, so the world's random stream is untouched and a poll answers the same every time),
 * and the votes come in evenly over the poll's duration on the sim clock. When `end_datetime`
 * passes, voting_status is "closed" and the counts stay.
 */
export function pollVotes(p: XPoll, now: number): number[] {
  const hash = createHash('sha256').update(p.id).digest();
  const voters = 12 + (hash[0] % 89);
  const weights = p.options.map((_, i) => 1 + (hash[1 + i] % 9));
  const total = weights.reduce((a, b) => a + b, 0);
  const start = p.endAt - p.durationMinutes * 60_000;
  const share = Math.min(1, Math.max(0, (now - start) / (p.endAt - start)));
  return weights.map((w) => Math.floor((voters * w * share) / total));
}
