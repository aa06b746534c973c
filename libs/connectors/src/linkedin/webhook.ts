import { createHmac, timingSafeEqual } from 'node:crypto';
import { type HintRecord, obj } from '@resonance/contracts';

/**
 * LinkedIn's webhooks (Organization Social Action Notifications, for apps with an approved
 * webhook use case): the endpoint validation answers GET ?challengeCode=… with
 * {challengeCode, challengeResponse = hex(HMAC-SHA256(challengeCode, clientSecret))}; every POST
 * carries X-LI-Signature = hex(HMAC-SHA256("hmacsha256=" + raw body, clientSecret)). A notification
 * names the post and the comment but not its text or author, so it becomes a hint to sync.
 */
export const linkedinChallengeResponse = (challengeCode: string, clientSecret: string): string =>
  createHmac('sha256', clientSecret).update(challengeCode).digest('hex');

export const linkedinSignature = (rawBody: Buffer | string, clientSecret: string): string =>
  createHmac('sha256', clientSecret).update('hmacsha256=').update(rawBody).digest('hex');

/** 64 hex digits (either case), optionally after "hmacsha256=", nothing before or after. */
const LINKEDIN_SIGNATURE = /^(?:hmacsha256=)?[0-9a-fA-F]{64}$/;

/** Checks X-LI-Signature in constant time; a header of any other shape (padding, junk, a short digest) is refused outright. */
export function verifyLinkedInSignature(rawBody: Buffer, header: string | undefined, clientSecret: string): boolean {
  if (header === undefined || !LINKEDIN_SIGNATURE.test(header)) return false;
  const given = Buffer.from(header.slice(-64), 'hex');
  const expected = createHmac('sha256', clientSecret).update('hmacsha256=').update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Actions that change what the inbox shows: new, edited or deleted comments (likes and shares do not). */
const COMMENT_ACTIONS = new Set(['COMMENT', 'ADMIN_COMMENT', 'COMMENT_EDIT', 'COMMENT_DELETE']);

/** One delivery → per organization, hints to read the posts whose comments changed. */
export function mapLinkedInWebhookByOrganization(body: unknown): Map<string, HintRecord[]> {
  const out = new Map<string, HintRecord[]>();
  const notifications = Array.isArray(obj(body).notifications) ? (obj(body).notifications as unknown[]) : [];
  for (const raw of notifications) {
    const n = obj(raw);
    const org = typeof n.organizationalEntity === 'string' ? n.organizationalEntity : undefined;
    const post = typeof n.sourcePost === 'string' ? n.sourcePost : undefined;
    if (!org || !post || typeof n.action !== 'string' || !COMMENT_ACTIONS.has(n.action)) continue;
    const hints = out.get(org) ?? [];
    if (!hints.some((h) => h.externalId === post)) hints.push({ kind: 'hint', network: 'linkedin', target: 'post', externalId: post });
    out.set(org, hints);
  }
  return out;
}

export const mapLinkedInWebhook = (body: unknown): HintRecord[] => [...mapLinkedInWebhookByOrganization(body).values()].flat();
