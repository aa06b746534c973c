import { createHmac } from 'node:crypto';
import { parsePayload } from '../parse';
import { linkedinChallengeResponse, linkedinSignature, mapLinkedInWebhookByOrganization, verifyLinkedInSignature } from './webhook';

const secret = 'client-secret';
const body = JSON.stringify({
  type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS',
  notifications: [
    {
      notificationId: 1,
      organizationalEntity: 'urn:li:organization:1',
      action: 'COMMENT',
      sourcePost: 'urn:li:share:10',
      generatedActivity: 'urn:li:comment:(urn:li:activity:11,12)',
    },
    { notificationId: 2, organizationalEntity: 'urn:li:organization:1', action: 'COMMENT_EDIT', sourcePost: 'urn:li:share:10' },
    { notificationId: 3, organizationalEntity: 'urn:li:organization:1', action: 'LIKE', sourcePost: 'urn:li:share:20' },
    { notificationId: 4, organizationalEntity: 'urn:li:organization:2', action: 'ADMIN_COMMENT', sourcePost: 'urn:li:ugcPost:30' },
  ],
});

describe('LinkedIn webhooks', () => {
  it('challengeResponse is hex(HMAC-SHA256(challengeCode, clientSecret))', () => {
    expect(linkedinChallengeResponse('f7c4b5a0-1c1e-4b8c-9c43-0e1b2d3c4a5b', secret)).toBe(
      createHmac('sha256', secret).update('f7c4b5a0-1c1e-4b8c-9c43-0e1b2d3c4a5b').digest('hex'),
    );
  });

  it('X-LI-Signature is hex(HMAC-SHA256("hmacsha256=" + raw body)); anything else is refused', () => {
    const raw = Buffer.from(body);
    const good = createHmac('sha256', secret).update(`hmacsha256=${body}`).digest('hex');
    expect(linkedinSignature(raw, secret)).toBe(good);
    expect(verifyLinkedInSignature(raw, good, secret)).toBe(true);
    expect(verifyLinkedInSignature(raw, `hmacsha256=${good}`, secret)).toBe(true);
    expect(verifyLinkedInSignature(raw, undefined, secret)).toBe(false);
    expect(verifyLinkedInSignature(raw, linkedinSignature(raw, 'other'), secret)).toBe(false);
    expect(verifyLinkedInSignature(Buffer.from(body.replace('COMMENT', 'COMMENT ')), good, secret)).toBe(false);
  });

  it('X-LI-Signature: hex in either case, the optional prefix, and nothing else around it', () => {
    const raw = Buffer.from(body);
    const good = linkedinSignature(raw, secret);
    expect(verifyLinkedInSignature(raw, good.toUpperCase(), secret)).toBe(true);
    for (const other of [
      `${good}junk`,
      `${good}0`,
      ` ${good}`,
      `${good} `,
      `${good}\t`,
      `hmacsha256=hmacsha256=${good}`,
      `HMACSHA256=${good}`,
      `sha256=${good}`,
      good.slice(0, 63),
      `hmacsha256=`,
      '',
    ]) {
      expect([other, verifyLinkedInSignature(raw, other, secret)]).toEqual([other, false]);
    }
  });

  it('comment notifications become one hint per post and organization; likes are ignored', () => {
    const byOrg = mapLinkedInWebhookByOrganization(JSON.parse(body));
    expect(Object.fromEntries(byOrg)).toEqual({
      'urn:li:organization:1': [{ kind: 'hint', network: 'linkedin', target: 'post', externalId: 'urn:li:share:10' }],
      'urn:li:organization:2': [{ kind: 'hint', network: 'linkedin', target: 'post', externalId: 'urn:li:ugcPost:30' }],
    });
    expect(parsePayload({ network: 'linkedin', endpoint: 'webhook', body: JSON.parse(body) })).toHaveLength(2);
  });
});
