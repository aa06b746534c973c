import { DEMO_FACEBOOK_APP, DEMO_FACEBOOK_PAGE, type RunningSim, type TruthItem } from '../src';
import { fixture, getJson, postJson, shapeMismatches, testSim } from './support';

/**
 * Every Facebook endpoint's body against the real payloads in test/fixtures/facebook (see
 * SOURCES.md): same keys with the same JSON types, recursively.
 */
describe('Facebook bodies have the shape of the real Graph API', () => {
  let sim: RunningSim;
  let graph: string;
  let truth: TruthItem[];
  const token = DEMO_FACEBOOK_PAGE.pageAccessToken;
  const page = DEMO_FACEBOOK_PAGE.id;

  beforeAll(async () => {
    sim = await testSim();
    graph = `${sim.url}/facebook/v24.0`;
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 3000, network: 'facebook' })).body.items;
  });
  afterAll(() => sim.close());

  const busiestPost = () => {
    const counts = new Map<string, number>();
    for (const t of truth) if (t.kind === 'comment') counts.set(t.postExternalId!, (counts.get(t.postExternalId!) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  };

  it('GET /{post-id}/comments?filter=stream&summary=1 (page-post-comments-stream-page1.json)', async () => {
    const fields = 'id,comment_count,created_time,like_count,message,permalink_url';
    const res = await getJson(`${graph}/${busiestPost()}/comments?access_token=${token}&fields=${fields}&summary=1&filter=stream&limit=10`);
    expect(res.status).toBe(200);
    expect(shapeMismatches(fixture('page-post-comments-stream-page1.json'), res.body)).toEqual([]);
    expect(res.body.data).toHaveLength(10);
    expect(res.body.paging.next.startsWith(`${sim.url}/facebook/v24.0/`)).toBe(true);
  });

  it('GET /{comment-id} (comment-single-with-attachment.json; the sim sends no attachments)', async () => {
    const comment = truth.find((t) => t.kind === 'comment' && t.parentExternalId === null)!;
    const fields = 'created_time,can_like,from,message,like_count,permalink_url,id,comment_count,can_comment';
    const res = await getJson(`${graph}/${comment.externalId}?fields=${fields}&access_token=${token}`);
    expect(res.status).toBe(200);
    expect(shapeMismatches(fixture('comment-single-with-attachment.json'), res.body, ['$.attachment'])).toEqual([]);
    expect(res.body.message).toBe(comment.text);
  });

  it('GET /{page-id}/posts with time-based paging (posts-list-time-paging-page1.json)', async () => {
    const res = await getJson(`${graph}/${page}/posts?access_token=${token}&fields=id,message,created_time&limit=5`);
    expect(res.status).toBe(200);
    expect(shapeMismatches(fixture('posts-list-time-paging-page1.json'), res.body)).toEqual([]);
    expect(res.body.paging.next).toContain('until=');
    expect(res.body.paging.next).toContain('__paging_token=');
  });

  it('GET /{message-id} (message-single-with-attachment.json; the sim sends no attachments)', async () => {
    const message = truth.find((t) => t.kind === 'message' && !t.fromAccount)!;
    const res = await getJson(`${graph}/${message.externalId}?fields=id,created_time,from,to,tags,message&access_token=${token}`);
    expect(res.status).toBe(200);
    expect(shapeMismatches(fixture('message-single-with-attachment.json'), res.body, ['$.attachments'])).toEqual([]);
    expect(res.body.message).toBe(message.text);
  });

  it('GET /{page-id}/conversations and /{conversation-id}/messages use the same cursor envelope as the comments edge', async () => {
    const envelope = { data: [{ id: 'x' }], paging: { cursors: { before: 'a', after: 'b' }, next: 'u' } };
    const convs = await getJson(
      `${graph}/${page}/conversations?platform=messenger&fields=id,updated_time,participants,snippet,unread_count&limit=3&access_token=${token}`,
    );
    expect(convs.status).toBe(200);
    expect(shapeMismatches(envelope, convs.body)).toEqual([]);
    expect(shapeMismatches({ data: [{ name: 'n', email: 'e', id: 'i' }] }, convs.body.data[0].participants)).toEqual([]);
    const convo = truth.filter((t) => t.kind === 'message').map((t) => t.threadExternalId!);
    const busiest = convo.sort((a, b) => convo.filter((c) => c === b).length - convo.filter((c) => c === a).length)[0];
    const msgs = await getJson(`${graph}/${busiest}/messages?fields=id,created_time,from,to,message&limit=1&access_token=${token}`);
    expect(msgs.status).toBe(200);
    expect(shapeMismatches(envelope, msgs.body)).toEqual([]);
  });

  it('POST /{page-id}/messages (send-api-message-response.json)', async () => {
    const inbound = [...truth].reverse().find((t) => t.kind === 'message' && !t.fromAccount)!;
    const res = await postJson(`${graph}/${page}/messages?access_token=${token}`, {
      recipient: { id: inbound.author!.externalId },
      messaging_type: 'RESPONSE',
      message: { text: 'Danke!' },
    });
    expect(res.status).toBe(200);
    expect(shapeMismatches(fixture('send-api-message-response.json'), res.body)).toEqual([]);
  });

  it('POST /{comment-id}/comments answers {"id": ...}', async () => {
    const comment = truth.find((t) => t.kind === 'comment')!;
    const res = await postJson(`${graph}/${comment.externalId}/comments?access_token=${token}`, { message: 'Thanks!' });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['id']);
    expect(typeof res.body.id).toBe('string');
  });

  it('the rate-limit error (error-4-application-request-limit.json) and the X-App-Usage header (header-x-app-usage-value.json)', async () => {
    const ok = await getJson(`${graph}/${page}?access_token=${token}`);
    expect(shapeMismatches(fixture('header-x-app-usage-value.json'), JSON.parse(ok.headers.get('x-app-usage')!))).toEqual([]);
    await postJson(`${sim.url}/_sim/faults`, { network: 'facebook', kind: 'rate_limit', count: 1, options: { code: 4 } });
    const limited = await getJson(`${graph}/${page}/feed?access_token=${token}`);
    expect(limited.status).toBe(403);
    expect(shapeMismatches(fixture('error-4-application-request-limit.json'), limited.body)).toEqual([]);
    expect(JSON.parse(limited.headers.get('x-app-usage')!).call_count).toBe(100);
  });

  it('the missing-permission error (error-100-missing-permission.json) for a token without pages_read_engagement', async () => {
    const redirectUri = 'http://127.0.0.1:3000/api/oauth/facebook/callback';
    const dialog = await fetch(
      `${sim.url}/facebook/v24.0/dialog/oauth?client_id=${DEMO_FACEBOOK_APP.appId}&redirect_uri=${encodeURIComponent(redirectUri)}&scope=pages_show_list&state=s`,
      { redirect: 'manual' },
    );
    const code = new URL(dialog.headers.get('location')!).searchParams.get('code')!;
    const exchange = await getJson(
      `${graph}/oauth/access_token?client_id=${DEMO_FACEBOOK_APP.appId}&client_secret=${DEMO_FACEBOOK_APP.appSecret}&redirect_uri=${encodeURIComponent(redirectUri)}&code=${code}`,
    );
    const res = await getJson(`${graph}/${page}/feed?access_token=${exchange.body.access_token}`);
    expect(res.status).toBe(400);
    expect(shapeMismatches(fixture('error-100-missing-permission.json'), res.body)).toEqual([]);
    expect(res.body.error.code).toBe(100);
  });

  it('the long-lived token exchange (oauth-long-lived-user-token-response.json)', async () => {
    const redirectUri = 'http://127.0.0.1:3000/cb';
    const dialog = await fetch(`${sim.url}/facebook/dialog/oauth?client_id=${DEMO_FACEBOOK_APP.appId}&redirect_uri=${encodeURIComponent(redirectUri)}`, {
      redirect: 'manual',
    });
    const code = new URL(dialog.headers.get('location')!).searchParams.get('code')!;
    const short = await getJson(
      `${graph}/oauth/access_token?client_id=${DEMO_FACEBOOK_APP.appId}&client_secret=${DEMO_FACEBOOK_APP.appSecret}&redirect_uri=${encodeURIComponent(redirectUri)}&code=${code}`,
    );
    const long = await getJson(
      `${graph}/oauth/access_token?grant_type=fb_exchange_token&client_id=${DEMO_FACEBOOK_APP.appId}&client_secret=${DEMO_FACEBOOK_APP.appSecret}&fb_exchange_token=${short.body.access_token}`,
    );
    expect(long.status).toBe(200);
    expect(shapeMismatches(fixture('oauth-long-lived-user-token-response.json'), long.body)).toEqual([]);
    expect(long.body.expires_in).toBeGreaterThan(50 * 24 * 3600);
  });

  it('fails when a body lacks a key of the real payload (the comparison can fail)', () => {
    expect(shapeMismatches({ a: { b: 1 } }, { a: { b: '1' } })).toEqual(['$.a.b: expected number, got string']);
    expect(shapeMismatches({ data: [{ id: 'x' }] }, { data: [{ id: 'y' }, {}] })).toEqual(['$.data[1].id: missing']);
  });
});
