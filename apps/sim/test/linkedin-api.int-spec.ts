import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_LINKEDIN_APP, DEMO_LINKEDIN_ORG, type RunningSim, type TruthItem } from '../src';
import { type JsonBody, getJson, postJson, shapeMismatches, testSim } from './support';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', 'linkedin', name), 'utf8'));
const enc = (urn: string) => encodeURIComponent(urn);

/**
 * The sim's LinkedIn module: bodies in the shape of the real payloads (test/fixtures/linkedin),
 * start/count paging, versions and Restli headers, OAuth, daily limits and LinkedIn's error bodies.
 */
describe('LinkedIn module of the sim', () => {
  let sim: RunningSim;
  let api: string;
  let truth: TruthItem[];
  const headers = (extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${DEMO_LINKEDIN_ORG.accessToken}`,
    'linkedin-version': '202610',
    'x-restli-protocol-version': '2.0.0',
    ...extra,
  });
  const get = (path: string, extra?: Record<string, string>) => getJson(`${api}${path}`, { headers: headers(extra) });

  beforeAll(async () => {
    sim = await testSim();
    api = `${sim.url}/linkedin`;
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 2000, network: 'linkedin' })).body.items;
  });
  afterAll(() => sim.close());

  const busiestPost = () => {
    const counts = new Map<string, number>();
    for (const t of truth) if (t.kind === 'comment' && !t.parentExternalId) counts.set(t.postExternalId!, (counts.get(t.postExternalId!) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  };

  it('generates posts and comments only (no page messages: LinkedIn has no API for them), with their truth', () => {
    expect(truth.length).toBeGreaterThan(1000);
    expect(new Set(truth.map((t) => t.kind))).toEqual(new Set(['post', 'comment']));
    expect(truth.some((t) => t.kind === 'comment' && t.author === null)).toBe(true);
    expect(truth.some((t) => t.kind === 'comment' && t.fromAccount)).toBe(true);
  });

  it('GET /rest/posts?q=author: Posts API objects (post-object-org-author.json), newest first, start/count paging to the end', async () => {
    const posts = truth.filter((t) => t.kind === 'post');
    const seen: string[] = [];
    let start = 0;
    for (;;) {
      const res = await get(`/rest/posts?q=author&author=${enc(DEMO_LINKEDIN_ORG.urn)}&count=7&start=${start}`);
      expect(res.status).toBe(200);
      expect(res.body.paging).toMatchObject({ start, count: 7, total: posts.length });
      for (const p of res.body.elements) {
        expect(shapeMismatches(fixture('post-object-org-author.json'), p, ['$.adContext', '$.content'])).toEqual([]);
        expect(p.author).toBe(DEMO_LINKEDIN_ORG.urn);
        seen.push(p.id);
      }
      const next = res.body.paging.links.find((l: { rel: string }) => l.rel === 'next');
      if (!next) break;
      expect(next.href).toMatch(/^\/rest\/posts\?/);
      start = Number(new URL(next.href, 'https://api.linkedin.com').searchParams.get('start'));
    }
    expect(seen).toEqual(posts.map((p) => p.externalId).reverse());
    const one = await get(`/rest/posts/${enc(seen[0])}`);
    expect(one.body.commentary).toBe(posts[posts.length - 1].text);
  });

  it('GET /rest/socialActions/{post}/comments and /{comment}/comments: comment objects (comment-object-org-actor-with-image.json), replies nested, nothing lost over pages', async () => {
    const [post, topCount] = busiestPost();
    const got: Array<Record<string, JsonBody>> = [];
    let start = 0;
    for (;;) {
      const res = await get(`/rest/socialActions/${enc(post)}/comments?start=${start}&count=10`);
      expect(res.status).toBe(200);
      got.push(...res.body.elements);
      if (!res.body.paging.links.some((l: { rel: string }) => l.rel === 'next')) break;
      start += 10;
    }
    expect(got).toHaveLength(topCount);
    const orgComment = got.find((c) => c.actor === DEMO_LINKEDIN_ORG.urn);
    const shapeOf = orgComment ?? got.find((c) => c.actor);
    const ignore = orgComment ? ['$.content'] : ['$.content', '$.agent', '$.created.impersonator', '$.lastModified.impersonator'];
    expect(shapeMismatches(fixture('comment-object-org-actor-with-image.json'), shapeOf, ignore)).toEqual([]);
    // Replies: listed under their top-level comment, whose summary counts them.
    const parentUrn = truth.find((t) => t.kind === 'comment' && t.parentExternalId)!.parentExternalId!;
    const expected = truth.filter((t) => t.parentExternalId === parentUrn).map((t) => t.externalId);
    const parentSummary = await get(`/rest/socialActions/${enc(parentUrn)}`);
    expect(parentSummary.body.commentsSummary.aggregatedTotalComments).toBe(expected.length);
    const replies = await get(`/rest/socialActions/${enc(parentUrn)}/comments?count=100`);
    expect(replies.body.elements.map((r: { commentUrn: string }) => r.commentUrn)).toEqual(expected);
    for (const r of replies.body.elements) expect(r.parentComment).toBe(parentUrn);
    const summary = await get(`/rest/socialActions/${enc(post)}`);
    expect(summary.body.commentsSummary.aggregatedTotalComments).toBe(truth.filter((t) => t.kind === 'comment' && t.postExternalId === post).length);
    // A commenter who does not disclose themselves: no actor, and the People API does not know them.
    const hidden = truth.find((t) => t.kind === 'comment' && t.author === null && !t.fromAccount)!;
    const under = hidden.parentExternalId ?? hidden.postExternalId!;
    const list = await get(`/rest/socialActions/${enc(under)}/comments?count=100&start=0`);
    const all = [...list.body.elements];
    for (let s = 100; s < list.body.paging.total; s += 100)
      all.push(...(await get(`/rest/socialActions/${enc(under)}/comments?count=100&start=${s}`)).body.elements);
    const raw = all.find((c) => c.commentUrn === hidden.externalId);
    expect(raw).toBeDefined();
    expect(raw.actor).toBeUndefined();
  });

  it('GET /rest/people?ids=List((id:…)): names of commenters; hidden members come back as errors', async () => {
    const people = truth.filter((t) => t.kind === 'comment' && t.author && !t.fromAccount).slice(0, 3);
    const ids = people.map((p) => p.author!.externalId.split(':').pop()!);
    const res = await get(`/rest/people?ids=List(${ids.map((i) => `(id:${i})`).join(',')})`);
    expect(res.status).toBe(200);
    for (const [i, id] of ids.entries()) {
      const p = res.body.results[`(id:${id})`];
      expect(`${p.localizedFirstName} ${p.localizedLastName}`).toBe(people[i].author!.name);
    }
  });

  it('POST /rest/socialActions/{comment}/comments as the organization: 201, under the top-level comment, recorded once', async () => {
    const top = truth.find((t) => t.kind === 'comment' && !t.parentExternalId)!;
    const object = /^urn:li:comment:\((urn:li:activity:\d+),/.exec(top.externalId)![1];
    const res = await getJson(`${api}/rest/socialActions/${enc(top.externalId)}/comments`, {
      method: 'POST',
      headers: { ...headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ actor: DEMO_LINKEDIN_ORG.urn, object, parentComment: top.externalId, message: { text: 'Danke für Ihre Frage!' } }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-restli-id')).toBe(res.body.id);
    expect(res.body).toMatchObject({ actor: DEMO_LINKEDIN_ORG.urn, parentComment: top.externalId, message: { text: 'Danke für Ihre Frage!' } });
    const received = (await getJson(`${sim.url}/_sim/received?network=linkedin`)).body.items;
    expect(received.filter((r: { externalId: string }) => r.externalId === res.body.commentUrn)).toHaveLength(1);
    // As someone else's page: refused with LinkedIn's 403.
    const denied = await getJson(`${api}/rest/socialActions/${enc(top.externalId)}/comments`, {
      method: 'POST',
      headers: { ...headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ actor: 'urn:li:organization:1', object, message: { text: 'x' } }),
    });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ status: 403, serviceErrorCode: 100, code: 'ACCESS_DENIED' });
    const bad = await getJson(`${api}/rest/socialActions/${enc(top.externalId)}/comments`, {
      method: 'POST',
      headers: { ...headers(), 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.status).toBe(400);
  });

  it('versions and Restli: missing → 400 VERSION_MISSING, retired or future → 426 NONEXISTENT_VERSION, no Restli 2.0 → 400', async () => {
    const path = `/rest/posts?q=author&author=${enc(DEMO_LINKEDIN_ORG.urn)}`;
    const noVersion = await getJson(`${api}${path}`, {
      headers: { authorization: `Bearer ${DEMO_LINKEDIN_ORG.accessToken}`, 'x-restli-protocol-version': '2.0.0' },
    });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body).toMatchObject({ status: 400, code: 'VERSION_MISSING' });
    for (const v of ['202301', '209912']) {
      const retired = await get(path, { 'linkedin-version': v });
      expect(retired.status).toBe(426);
      expect(retired.body).toEqual({ status: 426, code: 'NONEXISTENT_VERSION', message: `Requested version ${v} is not active` });
    }
    const noRestli = await getJson(`${api}${path}`, { headers: { authorization: `Bearer ${DEMO_LINKEDIN_ORG.accessToken}`, 'linkedin-version': '202610' } });
    expect(noRestli.status).toBe(400);
    expect((await get('/rest/nothing-here')).body).toMatchObject({ status: 404, code: 'RESOURCE_NOT_FOUND' });
    expect((await get(`/rest/posts/${enc('urn:li:share:1')}`)).status).toBe(404);
    expect((await get(`/rest/socialActions/${enc(DEMO_LINKEDIN_ORG.urn)}/comments?start=-1`)).status).toBe(404);
    expect((await get(`/rest/posts?q=author&author=${enc(DEMO_LINKEDIN_ORG.urn)}&start=-1`)).body).toMatchObject({ status: 400 });
  });

  it('OAuth: authorization redirects with a code, code → 60-day token + refresh token, refresh → new token; admins see their page in organizationAcls', async () => {
    const redirectUri = 'http://127.0.0.1:9/callback';
    const auth = await fetch(
      `${api}/oauth/v2/authorization?response_type=code&client_id=${DEMO_LINKEDIN_APP.clientId}&redirect_uri=${enc(redirectUri)}&state=s1&scope=r_organization_social%20w_organization_social`,
      { redirect: 'manual' },
    );
    expect(auth.status).toBe(302);
    const location = new URL(auth.headers.get('location')!);
    expect(location.searchParams.get('state')).toBe('s1');
    const form = (body: Record<string, string>) =>
      getJson(`${api}/oauth/v2/accessToken`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(body).toString(),
      });
    const app = { client_id: DEMO_LINKEDIN_APP.clientId, client_secret: DEMO_LINKEDIN_APP.clientSecret };
    const token = await form({ grant_type: 'authorization_code', code: location.searchParams.get('code')!, redirect_uri: redirectUri, ...app });
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ expires_in: 5184000, refresh_token_expires_in: 31536000 });
    const reused = await form({ grant_type: 'authorization_code', code: location.searchParams.get('code')!, redirect_uri: redirectUri, ...app });
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe('invalid_request');
    const refreshed = await form({ grant_type: 'refresh_token', refresh_token: token.body.refresh_token, ...app });
    expect(refreshed.body.access_token).not.toBe(token.body.access_token);
    const acls = await getJson(`${api}/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED`, {
      headers: headers({ authorization: `Bearer ${refreshed.body.access_token}` }),
    });
    expect(acls.body.elements).toEqual([expect.objectContaining({ organization: DEMO_LINKEDIN_ORG.urn, role: 'ADMINISTRATOR', state: 'APPROVED' })]);
    const org = await get(`/rest/organizations/${DEMO_LINKEDIN_ORG.id}`);
    expect(org.body.localizedName).toBe(DEMO_LINKEDIN_ORG.name);
    expect((await form({ grant_type: 'refresh_token', refresh_token: 'nope', ...app })).status).toBe(400);
    expect((await form({ grant_type: 'authorization_code', code: 'x', redirect_uri: redirectUri, client_id: 'x', client_secret: 'y' })).status).toBe(401);
    // Expired and revoked tokens: LinkedIn's 401 bodies.
    await postJson(`${sim.url}/_sim/linkedin/tokens/expire`, { token: token.body.access_token });
    expect((await get('/rest/organizationAcls?q=roleAssignee', { authorization: `Bearer ${token.body.access_token}` })).body).toMatchObject({
      status: 401,
      serviceErrorCode: 65601,
      code: 'EXPIRED_ACCESS_TOKEN',
    });
    await postJson(`${sim.url}/_sim/linkedin/tokens/revoke`, { token: refreshed.body.access_token });
    expect((await get('/rest/organizationAcls?q=roleAssignee', { authorization: `Bearer ${refreshed.body.access_token}` })).body).toMatchObject({
      status: 401,
      code: 'REVOKED_ACCESS_TOKEN',
    });
    expect((await get('/rest/organizationAcls?q=roleAssignee', { authorization: 'Bearer nope' })).body).toMatchObject({
      status: 401,
      code: 'INVALID_ACCESS_TOKEN',
    });
  });

  it('daily limits answer 429 in the real shape only once spent, until midnight UTC; faults answer the same and 5xx in LinkedIn’s shape', async () => {
    const path = `/rest/posts?q=author&author=${enc(DEMO_LINKEDIN_ORG.urn)}&count=1`;
    const usage = (await getJson(`${sim.url}/_sim/linkedin/limits`)).body.usage.appCalls;
    await postJson(`${sim.url}/_sim/linkedin/limits`, { appCallsPerDay: usage + 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await get(path)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const throttled = await get(path);
      expect(throttled.body).toEqual(fixture('error-429-resource-throttle.json'));
      expect(throttled.headers.get('retry-after')).toBeNull();
      // The next UTC day, the limit is fresh.
      const now = Date.parse((await getJson(`${sim.url}/_sim/clock`)).body.now);
      const midnight = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate() + 1);
      await postJson(`${sim.url}/_sim/clock`, { advanceMs: midnight - now + 1000 });
      expect((await get(path)).status).toBe(200);
    } finally {
      await postJson(`${sim.url}/_sim/linkedin/limits`, { appCallsPerDay: 100000 });
    }
    await postJson(`${sim.url}/_sim/faults`, { network: 'linkedin', kind: 'rate_limit', count: 1 });
    expect((await get(path)).body).toEqual(fixture('error-429-resource-throttle.json'));
    await postJson(`${sim.url}/_sim/faults`, { network: 'linkedin', kind: 'server_error', count: 1, options: { status: 503 } });
    const broken = await get(path);
    expect(broken.status).toBe(503);
    expect(broken.body).toMatchObject({ status: 503, message: 'Service Unavailable' });
  });
});
