import type { MessageChannel, Network } from '@resonance/contracts';

/**
 * What each network accepts for a reply, as its documentation states it. The composer enforces
 * these before anything is sent; the API validates again.
 * - X: 280 characters per post (weighted; URLs count 23) — we count code points, a safe upper bound.
 * - Facebook: comments up to 8,000 characters; Messenger text up to 2,000 characters, and
 *   standard messaging replies only within 24 hours of the person's last message.
 * - LinkedIn: comments up to 1,250 characters.
 * - YouTube: comments up to 10,000 characters.
 * - XING: messages and comments up to 600 characters in the former public API.
 * - Instagram: comments up to 2,200 characters; direct messages under 1,000 bytes (the connector
 *   counts the bytes; 1,000 characters is the bound here).
 * The messaging windows (Instagram, Messenger) come from the API with the thread (ThreadDetail.replyWindow).
 */
export function replyLimit(network: Network, channel: MessageChannel): number {
  switch (network) {
    case 'x':
      return 280;
    case 'facebook':
      return channel === 'direct' ? 2000 : 8000;
    case 'linkedin':
      return 1250;
    case 'youtube':
      return 10000;
    case 'xing':
      return 600;
    case 'instagram':
      return channel === 'direct' ? 1000 : 2200;
    default:
      return 2000;
  }
}

/** Counted as the networks count: by code point (an emoji is one character, not two). */
export const textLength = (text: string) => Array.from(text).length;
