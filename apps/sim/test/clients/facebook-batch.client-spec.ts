import { DEMO_FACEBOOK_PAGE, type RunningSim, type TruthItem } from '../../src';
import { routeGraphToSim, sdk, type Api } from './facebook-sdk';
import { clientSim, postJson, received } from './support';

interface BatchAnswer {
  code: number;
  headers?: Array<{ name: string; value: string }>;
  body: string;
}

/**
 * Graph batch requests with dependencies (developers.facebook.com/docs/graph-api/batch-requests)
 * through facebook-nodejs-business-sdk's FacebookAdsApi.call with only the host changed (see
 * facebook.client-spec.ts): its FacebookAdsApiBatch has no way to send depends_on or
 * omit_response_on_success, so the batch goes as the docs' curl sends it.
 */
describe('facebook-nodejs-business-sdk: Graph batch requests with dependencies against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let unroute: () => void;
  let api: Api;

  beforeAll(async () => {
    sim = await clientSim(false);
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 400, network: 'facebook' })).body.items;
    unroute = routeGraphToSim(sim);
    api = sdk.FacebookAdsApi.init(DEMO_FACEBOOK_PAGE.pageAccessToken);
  });
  afterAll(async () => {
    unroute();
    await sim.close();
  });

  const batch = async (calls: unknown[], extra: Record<string, unknown> = {}) =>
    (await api.call('POST', [], { batch: calls, ...extra })) as Array<BatchAnswer | null>;
  /** A post with at least two top-level customer comments, and those comments, oldest first. */
  const commented = () => {
    const byPost = new Map<string, TruthItem[]>();
    for (const c of truth.filter((t) => t.kind === 'comment' && !t.fromAccount && !t.parentExternalId))
      byPost.set(c.postExternalId!, [...(byPost.get(c.postExternalId!) ?? []), c]);
    const [post, comments] = [...byPost].find(([, list]) => list.length >= 2)!;
    return { post, comments };
  };

  it("feeds one call's ids into the next by JSONPath, leaving the referenced answer out (null) unless asked", async () => {
    const { post } = commented();
    const calls = (omit?: false) => [
      {
        method: 'GET',
        name: 'comments',
        relative_url: `${post}/comments?fields=id&limit=2&filter=toplevel`,
        ...(omit === false ? { omit_response_on_success: false } : {}),
      },
      { method: 'GET', relative_url: '?ids={result=comments:$.data.*.id}&fields=id,message' },
    ];
    const [parent, child] = await batch(calls());
    expect(parent).toBeNull();
    expect(child!.code).toBe(200);
    const nodes = JSON.parse(child!.body) as Record<string, { id: string; message: string }>;
    const ids = Object.keys(nodes);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(nodes[id]).toEqual({ id, message: truth.find((t) => t.externalId === id)!.text });

    const both = await batch(calls(false));
    expect(both[0]!.code).toBe(200);
    expect((JSON.parse(both[0]!.body) as { data: Array<{ id: string }> }).data.map((c) => c.id).sort()).toEqual([...ids].sort());
  });

  it('writes with a reference in the path and body (a reply to the first comment naming its id), without headers when include_headers=false', async () => {
    const { post } = commented();
    const answers = await batch(
      [
        { method: 'GET', name: 'first', relative_url: `${post}/comments?fields=id,message&limit=1&filter=toplevel`, omit_response_on_success: false },
        { method: 'POST', relative_url: '{result=first:$.data.0.id}/comments', body: 'message=Antwort%20auf%20%7Bresult%3Dfirst%3A%24.data.0.id%7D' },
      ],
      { include_headers: false },
    );
    expect(answers.every((a) => a !== null && !('headers' in a))).toBe(true);
    const first = (JSON.parse(answers[0]!.body) as { data: Array<{ id: string }> }).data[0].id;
    expect(answers[1]!.code).toBe(200);
    const reply = JSON.parse(answers[1]!.body) as { id: string };
    const kept = (await received(sim, 'facebook')).find((r) => r.externalId === reply.id)!;
    expect(kept).toMatchObject({ targetId: first, text: `Antwort auf ${first}` });
  });

  it('does not run a call whose parent failed (depends_on), and refuses a reference to no earlier call', async () => {
    const { comments } = commented();
    const answers = await batch([
      { method: 'GET', name: 'missing', relative_url: '999999999999?fields=id' },
      { method: 'GET', depends_on: 'missing', relative_url: `${comments[0].externalId}?fields=id` },
      { method: 'GET', relative_url: `${comments[1].externalId}?fields=id` },
    ]);
    expect(answers.map((a) => a?.code)).toEqual([400, 400, 200]);
    expect(JSON.parse(answers[1]!.body)).toMatchObject({ error: { code: 100, message: expect.stringContaining('"missing"') } });
    await expect(
      batch([
        { method: 'GET', relative_url: '?ids={result=later:$.data.*.id}' },
        { method: 'GET', name: 'later', relative_url: 'me' },
      ]),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('"later"'),
    });
  });
});
