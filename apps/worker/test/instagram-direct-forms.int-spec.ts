import type { Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import type { ChannelAccount } from '@resonance/db';
import { DEMO_INSTAGRAM_ACCOUNT, type RunningSim, type TruthItem } from '@resonance/sim';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { SyncRunner } from '../src/sync/sync-runner';
import { simJson, testSim } from './pipeline-support';
import { connectDemoInstagram, generateInstagram } from './instagram-support';

/**
 * The Direct forms beyond text, through the product's sync into the inbox's tables: a customer's
 * reply to one of the account's stories, and what a person of the business sent from another tool
 * (Instagram's app, through the Send API): an image, an audio clip, the heart sticker, a shared post.
 * Each is one message in the customer's thread with its attachments typed as the inbox shows them.
 */
describe('Instagram Direct: story replies and attachments from the business read back through the sync', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let runner: SyncRunner;
  let channel: ChannelAccount;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    config = testConfig({ SIM_URL: sim.url, DEMO_MODE: 'true', RATE_LIMIT_MAX_DELAY_MS: '0' });
    const registry = createConnectorRegistry(config);
    const access = new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry);
    runner = new SyncRunner(db.dataSource, new IngestStore(db.dataSource), access, registry, config);
    channel = await connectDemoInstagram(db.dataSource, config);
    await generateInstagram(sim, 150);
    expect((await runner.run(channel.id)).error).toBeUndefined();
  });
  afterAll(async () => {
    await sim?.close();
    await db?.drop();
  });

  const stored = async (externalId: string) =>
    (
      await db.dataSource.query<Array<{ thread_key: string; is_from_account: boolean; text: string; attachments: unknown }>>(
        `SELECT t.thread_key, m.is_from_account, m.text, m.attachments FROM message m JOIN thread t ON t.id = m.thread_id
          WHERE m.channel_account_id = $1 AND m.external_id = $2`,
        [channel.id, externalId],
      )
    )[0];

  it('a story reply and the business’s image, audio, heart and shared post are stored once each, attachments typed', async () => {
    const truth = (await simJson<{ items: TruthItem[] }>(sim, '/_sim/truth?network=instagram')).items;
    const inbound = truth.filter((t) => t.kind === 'message' && !t.fromAccount);
    const igsid = inbound[inbound.length - 1].author!.externalId;
    await simJson(sim, '/_sim/instagram/story', { method: 'POST', body: { caption: 'Neu' } });
    const reply = await simJson<{ item: TruthItem }>(sim, '/_sim/instagram/messaging', {
      method: 'POST',
      body: { kind: 'story_reply', customer: igsid, text: 'Gibt es die in M?' },
    });
    const send = async (message: Record<string, unknown>): Promise<string> => {
      const res = await fetch(`${sim.origins.instagram}/v24.0/${DEMO_INSTAGRAM_ACCOUNT.id}/messages?access_token=${DEMO_INSTAGRAM_ACCOUNT.accessToken}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ recipient: { id: igsid }, message }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { message_id: string }).message_id;
    };
    const post = truth.find((t) => t.kind === 'post')!;
    const image = await send({ attachment: { type: 'image', payload: { url: 'https://example.com/jacke.jpg' } } });
    const audio = await send({ attachment: { type: 'audio', payload: { url: 'https://example.com/gruss.m4a' } } });
    const heart = await send({ attachment: { type: 'like_heart' } });
    const share = await send({ attachment: { type: 'MEDIA_SHARE', payload: { id: post.externalId } } });

    expect((await runner.run(channel.id)).error).toBeUndefined();
    const thread = `dm:${igsid}`;
    expect(await stored(reply.item.externalId)).toMatchObject({
      thread_key: thread,
      is_from_account: false,
      text: 'Gibt es die in M?',
      attachments: [{ type: 'story_reply', url: expect.stringMatching(/^https:\/\//) }],
    });
    const own = { thread_key: thread, is_from_account: true };
    expect(await stored(image)).toMatchObject({ ...own, attachments: [{ type: 'image', url: expect.stringMatching(/^https:\/\/lookaside/) }] });
    expect(await stored(audio)).toMatchObject({ ...own, attachments: [{ type: 'audio', url: expect.any(String) }] });
    expect(await stored(heart)).toMatchObject({ ...own, attachments: [{ type: 'sticker', url: expect.stringContaining('like_heart') }] });
    expect(await stored(share)).toMatchObject({ ...own, attachments: [{ type: 'share', url: expect.stringContaining(post.externalId) }] });
    // A second sync changes nothing: each is stored exactly once.
    expect((await runner.run(channel.id)).error).toBeUndefined();
    const [{ n }] = await db.dataSource.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM message WHERE channel_account_id = $1 AND external_id = ANY($2)`,
      [channel.id, [reply.item.externalId, image, audio, heart, share]],
    );
    expect(Number(n)).toBe(5);
  });
});
