import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageRecord } from '@resonance/contracts';
import { mapInstagramWebhook, verifyInstagramSignature } from './webhook';

const raw = (name: string): Buffer => readFileSync(join(__dirname, 'fixtures', 'raw', name));
const sign = (body: Buffer, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const ACCOUNT = '17841430541631416';
const CUSTOMER = '848067418322071';

const commentsDelivery = (value: Record<string, unknown>, field = 'comments') => ({
  object: 'instagram',
  entry: [{ id: ACCOUNT, time: 1776339591, changes: [{ field, value }] }],
});
const messagingDelivery = (event: Record<string, unknown>) => ({
  object: 'instagram',
  entry: [{ id: ACCOUNT, time: 1762021299932, messaging: [{ sender: { id: CUSTOMER }, recipient: { id: ACCOUNT }, timestamp: 1762020315339, ...event }] }],
});

describe('Instagram webhook signature (X-Hub-Signature-256 over the raw bytes)', () => {
  const secret = 'instagram-app-secret';

  it.each(['webhook-comments-ig-login.body.txt', 'webhook-messaging-text-ig-login.body.txt'])('%s: verifies with the Instagram app secret only', (file) => {
    const body = raw(file);
    expect(verifyInstagramSignature(body, sign(body, secret), secret)).toBe(true);
    // The Meta app secret (or any other) does not verify an Instagram-Login delivery.
    expect(verifyInstagramSignature(body, sign(body, secret), 'meta-app-secret')).toBe(false);
  });

  it('the bytes matter: the same JSON re-serialised does not verify (the recorded body has ", " separators, `object` last)', () => {
    const body = raw('webhook-comments-ig-login.body.txt');
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))));
    expect(reserialised.equals(body)).toBe(false);
    expect(verifyInstagramSignature(reserialised, sign(body, secret), secret)).toBe(false);
  });

  it('a missing, sha1-only or malformed header is refused', () => {
    const body = raw('webhook-messaging-text-ig-login.body.txt');
    expect(verifyInstagramSignature(body, undefined, secret)).toBe(false);
    expect(verifyInstagramSignature(body, 'sha1=fffd11b8219cc2d0d5f1aef8846c62ea0477f11c', secret)).toBe(false);
    expect(verifyInstagramSignature(body, `${sign(body, secret)}00`, secret)).toBe(false);
  });

  it('the signatures recorded with these bodies do not verify with a wrong secret (their authors had the wrong one too)', () => {
    const body = raw('webhook-comments-ig-login.body.txt');
    expect(verifyInstagramSignature(body, 'sha256=62c39a94ace08b1ff5b2ac296a3630cf77769f4b055afc51ef25d12bffe1a9ab', secret)).toBe(false);
  });
});

describe('Instagram webhook deliveries → records', () => {
  it('a reply (parent_id) joins its top-level comment’s thread; live_comments read the same', () => {
    const [reply] = mapInstagramWebhook(
      commentsDelivery({
        id: '17900000000000001',
        text: 'Danke!',
        parent_id: '17867301270523379',
        from: { id: CUSTOMER, username: 'kundin' },
        media: { id: '18050310947722369' },
      }),
    ) as MessageRecord[];
    expect(reply).toMatchObject({ threadKey: '17867301270523379', parentExternalId: '17867301270523379', isFromAccount: false });
    const [live] = mapInstagramWebhook(
      commentsDelivery(
        { id: '17900000000000002', text: 'live!', from: { id: CUSTOMER, username: 'kundin' }, media: { id: '1', media_product_type: 'LIVE' } },
        'live_comments',
      ),
    );
    expect(live).toMatchObject({ kind: 'message', externalId: '17900000000000002', channel: 'comment' });
  });

  it('the account’s own reply arrives as a comments event: marked as the account’s, never a customer message', () => {
    const [own] = mapInstagramWebhook(
      commentsDelivery({
        id: '17900000000000003',
        text: '@kundin gern',
        parent_id: '17867301270523379',
        from: { id: ACCOUNT, username: 'shop' },
        media: { id: '1' },
      }),
    ) as MessageRecord[];
    expect(own.isFromAccount).toBe(true);
  });

  it('an ad comment delivered twice (other bytes, same comment) maps to the same message both times', () => {
    const value = { id: '17900000000000004', text: 'Preis?', from: { id: CUSTOMER, username: 'kundin' }, media: { id: '1', ad_id: '238', ad_title: 'Sale' } };
    const first = mapInstagramWebhook(commentsDelivery(value));
    const second = mapInstagramWebhook({ ...commentsDelivery(value), entry: [{ ...commentsDelivery(value).entry[0], time: 1776339599 }] });
    // The same comment (one upsert key): only the delivery time differs, and the stored message keeps its first.
    const identity = (records: unknown[]) => records.map((r) => ({ ...(r as MessageRecord), createdAt: undefined }));
    expect(identity(second)).toEqual(identity(first));
    expect(first).toHaveLength(1);
  });

  it('ids that exceed 2^53 stay exact strings', () => {
    const [m] = mapInstagramWebhook(
      commentsDelivery({ id: '17999999999999999', text: 'x', from: { id: CUSTOMER }, media: { id: '18050310947722369' } }),
    ) as MessageRecord[];
    expect(m.externalId).toBe('17999999999999999');
    expect(Number(m.externalId) > Number.MAX_SAFE_INTEGER).toBe(true);
  });

  it('read (with mid), reaction, message_edit and a deleted message: the conversation changed (hint), no message', () => {
    const hint = { kind: 'hint', network: 'instagram', target: 'thread', externalId: `dm:${CUSTOMER}` };
    expect(mapInstagramWebhook(messagingDelivery({ read: { mid: 'aWdfZAG1faXRlbTox' } }))).toEqual([hint]);
    expect(mapInstagramWebhook(messagingDelivery({ reaction: { mid: 'aWdfZAG1', action: 'react', reaction: 'love', emoji: '❤️' } }))).toEqual([hint]);
    expect(mapInstagramWebhook(messagingDelivery({ message_edit: { mid: 'aWdfZAG1', text: 'neu', num_edit: 1 } }))).toEqual([hint]);
    expect(mapInstagramWebhook(messagingDelivery({ message: { mid: 'aWdfZAG1', is_deleted: true } }))).toEqual([hint]);
  });

  it('attachments (ig_reel, share, story_mention) keep their type and URL; a story reply names the message it answers', () => {
    const [m] = mapInstagramWebhook(
      messagingDelivery({
        message: {
          mid: 'aWdfZAG1faXRlbToy',
          attachments: [
            { type: 'ig_reel', payload: { reel_video_id: '1', title: 't', url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1' } },
            { type: 'share', payload: { url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=2' } },
            { type: 'story_mention', payload: { url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=3' } },
          ],
        },
      }),
    ) as MessageRecord[];
    expect(m.attachments?.map((a) => a.type)).toEqual(['ig_reel', 'share', 'story_mention']);
    expect(m).toMatchObject({ threadKey: `dm:${CUSTOMER}`, createdAt: '2025-11-01T18:05:15.000Z', isFromAccount: false });
  });

  it('a delivery for another object (page) is not Instagram’s', () => {
    expect(mapInstagramWebhook({ object: 'page', entry: [{ id: '1', messaging: [{ sender: { id: '2' }, message: { mid: 'm', text: 'x' } }] }] })).toEqual([]);
  });
});
