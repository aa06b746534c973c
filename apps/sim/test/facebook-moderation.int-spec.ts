import { DEMO_FACEBOOK_APP, DEMO_FACEBOOK_PAGE, type RunningSim, type TruthItem } from '../src';
import { getJson, postJson, testSim } from './support';

/** Like, hide and delete a comment as the page (POST/DELETE /{comment}/likes, POST /{comment} is_hidden, DELETE /{comment}). */
describe('Facebook API: comment moderation', () => {
  let sim: RunningSim;
  let graph: string;
  let truth: TruthItem[];
  const token = DEMO_FACEBOOK_PAGE.pageAccessToken;
  const auth = { authorization: `Bearer ${token}` };

  beforeEach(async () => {
    sim = await testSim();
    graph = `${sim.url}/facebook/v24.0`;
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 300, network: 'facebook' })).body.items;
  });
  afterEach(() => sim.close());

  const customerComment = () => truth.find((t) => t.kind === 'comment' && t.parentExternalId === null && !t.fromAccount)!;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = auth) =>
    getJson(`${graph}/${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, ...(body ? { body: JSON.stringify(body) } : {}) });
  const fields = async (id: string) => (await call('GET', `${id}?fields=id,is_hidden,user_likes,like_count,message`)).body;
  const received = async () =>
    (await getJson(`${sim.url}/_sim/received?network=facebook`)).body.items as Array<{ kind: string; targetId: string; method: string; path: string }>;

  it('likes and unlikes as the page: {success: true}, recorded, visible as user_likes and like_count', async () => {
    const c = customerComment();
    expect(await fields(c.externalId)).toMatchObject({ user_likes: false, like_count: 0 });
    expect(await call('POST', `${c.externalId}/likes`)).toMatchObject({ status: 200, body: { success: true } });
    expect(await fields(c.externalId)).toMatchObject({ user_likes: true, like_count: 1 });
    expect(await call('DELETE', `${c.externalId}/likes`)).toMatchObject({ status: 200, body: { success: true } });
    expect(await fields(c.externalId)).toMatchObject({ user_likes: false, like_count: 0 });
    expect(await received()).toEqual([
      expect.objectContaining({ kind: 'comment_like', method: 'POST', path: `/${c.externalId}/likes`, targetId: c.externalId }),
      expect.objectContaining({ kind: 'comment_unlike', method: 'DELETE', path: `/${c.externalId}/likes`, targetId: c.externalId }),
    ]);
  });

  it('hides and unhides with is_hidden (JSON or form); hidden comments stay listed with is_hidden', async () => {
    const c = customerComment();
    expect(await call('POST', c.externalId, { is_hidden: true })).toMatchObject({ status: 200, body: { success: true } });
    expect(await fields(c.externalId)).toMatchObject({ is_hidden: true });
    const list = await call('GET', `${c.postExternalId}/comments?fields=id,is_hidden&limit=100`);
    expect(list.body.data).toContainEqual({ id: c.externalId, is_hidden: true });
    const form = await fetch(`${graph}/${c.externalId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...auth },
      body: 'is_hidden=false',
    });
    expect(await form.json()).toEqual({ success: true });
    expect(await fields(c.externalId)).toMatchObject({ is_hidden: false });
    expect((await received()).map((r) => r.kind)).toEqual(['comment_hide', 'comment_unhide']);
    expect((await call('POST', c.externalId, {})).body.error).toMatchObject({ code: 100 });
  });

  it('deletes: gone from /comments and GET /{id}; a second delete is 100/33', async () => {
    const c = customerComment();
    const before = (await call('GET', `${c.postExternalId}/comments?filter=stream&summary=true&limit=100`)).body;
    expect(await call('DELETE', c.externalId)).toMatchObject({ status: 200, body: { success: true } });
    const after = (await call('GET', `${c.postExternalId}/comments?filter=stream&summary=true&limit=100`)).body;
    expect(after.data.map((x: { id: string }) => x.id)).not.toContain(c.externalId);
    expect(after.summary.total_count).toBeLessThan(before.summary.total_count);
    expect((await call('GET', c.externalId)).body.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
    const again = await call('DELETE', c.externalId);
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ code: 100, error_subcode: 33 });
    expect((await received()).map((r) => r.kind)).toEqual(['comment_delete']);
  });

  it("refuses unknown ids (100/33) and tokens that are not the page's own (#200), recording nothing", async () => {
    for (const [method, path, body] of [
      ['POST', '1_999/likes'],
      ['DELETE', '1_999/likes'],
      ['POST', '1_999', { is_hidden: true }],
      ['DELETE', '1_999'],
    ] as const) {
      const res = await call(method, path, body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
    }
    // A user token (not the page's) may not act as the page.
    const redirectUri = 'http://127.0.0.1:3000/api/oauth/callback/facebook';
    const dialog = await fetch(`${graph}/dialog/oauth?client_id=${DEMO_FACEBOOK_APP.appId}&redirect_uri=${encodeURIComponent(redirectUri)}&state=s`, {
      redirect: 'manual',
    });
    const code = new URL(dialog.headers.get('location')!).searchParams.get('code')!;
    const exchanged = await getJson(
      `${graph}/oauth/access_token?client_id=${DEMO_FACEBOOK_APP.appId}&client_secret=${DEMO_FACEBOOK_APP.appSecret}&redirect_uri=${encodeURIComponent(redirectUri)}&code=${code}`,
    );
    const userToken = exchanged.body.access_token as string;
    expect(userToken).toEqual(expect.any(String));
    const c = customerComment();
    const denied = await call('POST', `${c.externalId}/likes`, undefined, { authorization: `Bearer ${userToken}` });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ code: 200, message: '(#200) Permissions error' });
    expect(await received()).toEqual([]);
    expect(await fields(c.externalId)).toMatchObject({ user_likes: false, is_hidden: false });
  });
});
