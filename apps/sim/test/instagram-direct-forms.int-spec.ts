import { DEMO_INSTAGRAM_APP, type RunningSim, type TruthItem } from '../src';
import { postJson, testSim, waitFor, webhookReceiver, type JsonBody } from './support';
import { generateInstagram, IG, igGet, igPost } from './instagram-support';

/**
 * What the official clients cannot send or receive, in plain fetch against graph.instagram.com
 * (Instagram Login): Send API attachments and sender actions, their echoes; a customer's story
 * reply, an ice breaker (`postback`) and a Click-to-Direct ad (`referral`) as webhooks; the
 * verification handshake for the Instagram webhook.
 */
describe('Instagram Direct forms and webhooks (graph.instagram.com)', () => {
  let sim: RunningSim;
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
  let truth: TruthItem[];

  beforeAll(async () => {
    receiver = await webhookReceiver({ verifyToken: DEMO_INSTAGRAM_APP.verifyToken });
    sim = await testSim({ SIM_WEBHOOK_URL: receiver.url, SIM_WEBHOOK_RETRY_DELAYS_MS: '50' });
    truth = await generateInstagram(sim, 160);
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  /** The messaging events delivered so far, in order. */
  const events = (): JsonBody[] =>
    receiver.received.filter((r) => r.method === 'POST').flatMap((r) => JSON.parse(r.raw.toString('utf8')).entry.flatMap((e: JsonBody) => e.messaging ?? []));
  const customer = () => {
    const inbound = truth.filter((t) => t.kind === 'message' && !t.fromAccount);
    return inbound[inbound.length - 1].author!.externalId;
  };

  it('a video reply and a file reply: {recipient_id, message_id}, echoed with the attachment, read back with video_data / file_url', async () => {
    const igsid = customer();
    const video = await igPost(sim, `/${IG.id}/messages`, {
      recipient: { id: igsid },
      message: { attachment: { type: 'video', payload: { url: 'https://example.com/a.mp4' } } },
    });
    const file = await igPost(sim, `/me/messages`, {
      recipient: { id: igsid },
      message: { attachment: { type: 'file', payload: { url: 'https://example.com/rechnung.pdf' } } },
    });
    expect(video.body).toEqual({ recipient_id: igsid, message_id: expect.stringMatching(/^aWdfZAG1/) });
    expect(file.status).toBe(200);
    await waitFor(() => events().some((e) => e.message?.mid === file.body.message_id), 10_000);
    const echo = events().find((e) => e.message?.mid === video.body.message_id)!;
    expect(echo).toMatchObject({
      sender: { id: IG.id },
      recipient: { id: igsid },
      message: { is_echo: true, attachments: [{ type: 'video', payload: { url: expect.any(String) } }] },
    });
    expect(echo.message.text).toBeUndefined();
    const read = await igGet(sim, `/${file.body.message_id}`, 'fields=id,attachments,message');
    expect(read.body).toMatchObject({
      message: '',
      attachments: { data: [{ mime_type: 'application/pdf', name: 'rechnung.pdf', file_url: expect.stringMatching(/^https:\/\//) }] },
    });
    const readVideo = await igGet(sim, `/${video.body.message_id}`, 'fields=attachments');
    expect(readVideo.body.attachments.data[0]).toMatchObject({ video_data: { url: expect.any(String) } });
  });

  it('refuses an attachment type Instagram does not take, a URL that is none, and an unknown attachment_id', async () => {
    const igsid = customer();
    const send = (message: unknown) => igPost(sim, `/${IG.id}/messages`, { recipient: { id: igsid }, message });
    for (const message of [
      { attachment: { type: 'template', payload: { template_type: 'generic' } } },
      { attachment: { type: 'image', payload: { url: 'not a url' } } },
      { attachment: { type: 'audio', payload: { attachment_id: '42' } } },
      { attachments: [{ type: 'video', payload: { url: 'https://example.com/a.mp4' } }] },
    ]) {
      const res = await send(message);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 100, type: 'IGApiException' });
    }
  });

  it('sender actions: typing_on, mark_seen and a reaction to the customer’s message answer {recipient_id} and store nothing', async () => {
    const igsid = customer();
    const before = sim.context.world.receivedFor('instagram').length;
    for (const sender_action of ['typing_on', 'mark_seen']) {
      expect((await igPost(sim, `/${IG.id}/messages`, { recipient: { id: igsid }, sender_action })).body).toEqual({ recipient_id: igsid });
    }
    const mid = sim.instagram.state.store
      .conversationWith(igsid)!
      .messages.filter((m) => !m.fromAccount)
      .pop()!.id;
    const react = await igPost(sim, `/${IG.id}/messages`, { recipient: { id: igsid }, sender_action: 'react', payload: { message_id: mid, reaction: 'love' } });
    expect(react.body).toEqual({ recipient_id: igsid });
    expect((await igPost(sim, `/${IG.id}/messages`, { recipient: { id: igsid }, sender_action: 'dance' })).status).toBe(400);
    expect(sim.context.world.receivedFor('instagram')).toHaveLength(before);
  });

  it('a story reply, an ice breaker and a Click-to-Direct ad arrive as messaging webhooks; postback and referral open the window', async () => {
    const igsid = customer();
    const story = (await postJson(`${sim.url}/_sim/instagram/story`, {})).body.story;
    const reply = (await postJson(`${sim.url}/_sim/instagram/messaging`, { kind: 'story_reply', customer: igsid, text: 'Schön!' })).body;
    await postJson(`${sim.url}/_sim/instagram/messaging`, { kind: 'postback', customer: igsid, title: 'Wann liefert ihr?', payload: 'DELIVERY' });
    await postJson(`${sim.url}/_sim/instagram/messaging`, { kind: 'referral', customer: igsid, ref: 'winter' });
    await waitFor(() => events().some((e) => e.referral), 10_000);
    expect(events().find((e) => e.message?.mid === reply.item.externalId)).toMatchObject({
      sender: { id: igsid },
      message: { text: 'Schön!', reply_to: { story: { id: story.id, url: expect.stringMatching(/^https:\/\//) } } },
    });
    expect(events().find((e) => e.postback)).toMatchObject({
      sender: { id: igsid },
      recipient: { id: IG.id },
      postback: { mid: expect.any(String), title: 'Wann liefert ihr?', payload: 'DELIVERY' },
    });
    expect(events().find((e) => e.referral)).toMatchObject({
      referral: { ref: 'winter', source: 'ADS', type: 'OPEN_THREAD', ad_id: expect.any(String), ads_context_data: { ad_title: expect.any(String) } },
    });
    // 25 h later the window is closed; an ice breaker tapped opens it again.
    await postJson(`${sim.url}/_sim/clock`, { advanceMs: 25 * 3600_000 });
    const send = () => igPost(sim, `/${IG.id}/messages`, { recipient: { id: igsid }, message: { text: 'Hallo' } });
    expect((await send()).status).toBe(403);
    await postJson(`${sim.url}/_sim/instagram/messaging`, { kind: 'postback', customer: igsid });
    expect((await send()).status).toBe(200);
    // The story is gone from /stories after its 24 hours.
    expect((await igGet(sim, `/${IG.id}/stories`)).body).toEqual({ data: [] });
  });

  it('/_sim/instagram/verify-webhook performs Meta’s handshake: verified with the app’s verify token, not with another', async () => {
    const ok = await postJson(`${sim.url}/_sim/instagram/verify-webhook`, {});
    expect(ok.body).toMatchObject({ url: `${receiver.url}/instagram`, status: 200, verified: true });
    expect(ok.body.echoed).toBe(ok.body.challenge);
    const bad = await postJson(`${sim.url}/_sim/instagram/verify-webhook`, { verifyToken: 'wrong' });
    expect(bad.body).toMatchObject({ status: 403, verified: false });
    const get = receiver.received.filter((r) => r.method === 'GET').pop()!;
    expect(new URL(get.url, 'http://x').searchParams.get('hub.mode')).toBe('subscribe');
  });

  it('media: videos are REELS (is_shared_to_feed), others FEED; /media takes since/until (time-based pagination)', async () => {
    const all = (await igGet(sim, `/${IG.id}/media`, 'fields=id,media_type,media_product_type,is_shared_to_feed,timestamp&limit=100')).body.data as JsonBody[];
    expect(all.length).toBeGreaterThan(3);
    for (const m of all) {
      if (m.media_type === 'VIDEO') expect(m).toMatchObject({ media_product_type: 'REELS', is_shared_to_feed: true });
      else expect(m.media_product_type).toBe('FEED');
    }
    const times = all.map((m) => Date.parse(m.timestamp.replace(/\+0000$/, 'Z')) / 1000);
    const middle = times[Math.floor(times.length / 2)];
    const since = (await igGet(sim, `/${IG.id}/media`, `fields=id&limit=100&since=${middle}`)).body.data as JsonBody[];
    const until = (await igGet(sim, `/${IG.id}/media`, `fields=id&limit=100&until=${middle - 1}`)).body.data as JsonBody[];
    expect(since.length + until.length).toBe(all.length);
    expect(since.map((m) => m.id)).toEqual(all.filter((_, i) => times[i] >= middle).map((m) => m.id));
    expect((await igGet(sim, `/${IG.id}/media`, 'since=gestern')).status).toBe(400);
  });
});
