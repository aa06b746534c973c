import { AuthClient, type RestliClient } from 'linkedin-api-client';
import { DEMO_LINKEDIN_APP, DEMO_LINKEDIN_ORG, type RunningSim } from '../../src';
import { linkedinAgainstSim, orgPost, type LinkedInAgainstSim } from './linkedin-client';
import { getJson, received, redirectOf } from './support';

const VERSION = '202610';
const REDIRECT = 'http://127.0.0.1:3000/api/oauth/callback/linkedin';
const token = DEMO_LINKEDIN_ORG.accessToken;

type Json = Record<string, unknown>;

/** A minimal MP4 header: ftyp, then moov with mvhd (timescale 600, `seconds` long) and one video track's tkhd (width×height). */
function mp4(seconds: number, width: number, height: number): Buffer {
  const box = (type: string, body: Buffer) => {
    const b = Buffer.concat([Buffer.alloc(4), Buffer.from(type, 'latin1'), body]);
    b.writeUInt32BE(b.length, 0);
    return b;
  };
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(600, 12);
  mvhd.writeUInt32BE(seconds * 600, 16);
  const tkhd = Buffer.alloc(84);
  tkhd.writeUInt32BE(width * 65536, 76);
  tkhd.writeUInt32BE(height * 65536, 80);
  const trak = box('trak', box('tkhd', tkhd));
  const moov = box('moov', Buffer.concat([box('mvhd', mvhd), trak]));
  return Buffer.concat([box('ftyp', Buffer.from('isom\0\0\0\0isom', 'latin1')), moov, Buffer.alloc(4096, 7)]);
}

const statusOf = (p: Promise<unknown>) =>
  p.then(
    () => 0,
    (e: unknown) => (e as { response?: { status: number } }).response?.status,
  );

/**
 * linkedin-api-client with only the hosts changed (see linkedin.client-spec.ts): PARTIAL_UPDATE of
 * the Posts API's updatable fields (by patchSetObject and by the client's own diff of an original
 * and a modified entity, which sends nested `adContext: {$set}` and `$delete`), field projections
 * (`fields` on get, finder and BATCH_GET; `projection` with decoration), and a member acting as
 * themselves with a w_member_social token from the OAuth flow.
 */
describe('linkedin-api-client: post updates, projections and the member as themselves', () => {
  let sim: RunningSim;
  let restli: RestliClient;
  let client: LinkedInAgainstSim;

  beforeAll(async () => {
    client = await linkedinAgainstSim(60);
    ({ sim, restli } = client);
  });
  afterAll(() => client.close());

  const post = async (entity: Json, accessToken: string = token) =>
    (
      await restli.create({
        resourcePath: '/posts',
        entity: orgPost(entity),
        accessToken,
        versionString: VERSION,
      })
    ).createdEntityId as string;
  const read = async (urn: string, queryParams?: Json) =>
    (await restli.get({ resourcePath: '/posts/{id}', pathKeys: { id: urn }, queryParams, accessToken: token, versionString: VERSION })).data;
  const update = (urn: string, patch: Json) =>
    restli.partialUpdate({ resourcePath: '/posts/{id}', pathKeys: { id: urn }, patchSetObject: patch, accessToken: token, versionString: VERSION });

  it('updates commentary, call to action, landing page and adContext, publishes a draft, and refuses create-only fields', async () => {
    const urn = await post({
      commentary: 'Jetzt bewerben',
      contentCallToActionLabel: 'APPLY',
      contentLandingPage: 'https://example.com/jobs',
      adContext: { dscName: 'Stellen Q1', dscStatus: 'ACTIVE' },
    });
    expect(await read(urn)).toMatchObject({
      contentCallToActionLabel: 'APPLY',
      contentLandingPage: 'https://example.com/jobs',
      adContext: { dscName: 'Stellen Q1' },
    });
    const original = await read(urn);
    // The client's diff of two entities: {patch: {$set: {commentary, contentCallToActionLabel}, adContext: {$set: {dscName}}, $delete: [contentLandingPage]}}.
    const modified: Json = {
      ...original,
      commentary: 'Mehr erfahren',
      contentCallToActionLabel: 'LEARN_MORE',
      adContext: { ...(original.adContext as Json), dscName: 'Stellen Q2' },
    };
    delete modified.contentLandingPage;
    const diffed = await restli.partialUpdate({
      resourcePath: '/posts/{id}',
      pathKeys: { id: urn },
      originalEntity: original,
      modifiedEntity: modified,
      accessToken: token,
      versionString: VERSION,
    });
    expect(diffed.status).toBe(204);
    const after = await read(urn);
    expect(after).toMatchObject({
      commentary: 'Mehr erfahren',
      contentCallToActionLabel: 'LEARN_MORE',
      adContext: { dscName: 'Stellen Q2', dscStatus: 'ACTIVE' },
      lifecycleStateInfo: { isEditedByAuthor: true },
    });
    expect(after.contentLandingPage).toBeUndefined();
    expect((await update(urn, { contentLandingPage: 'https://example.com/karriere' })).status).toBe(204);
    expect((await read(urn)).contentLandingPage).toBe('https://example.com/karriere');

    const draft = await post({ commentary: 'Noch geheim', lifecycleState: 'DRAFT' });
    expect((await read(draft)).publishedAt).toBeUndefined();
    expect((await update(draft, { lifecycleState: 'PUBLISHED' })).status).toBe(204);
    expect(await read(draft)).toMatchObject({ lifecycleState: 'PUBLISHED', publishedAt: expect.any(Number) });
    // Publishing is one way; create-only fields and bad values are refused with 422, changing nothing.
    expect(await statusOf(update(draft, { lifecycleState: 'DRAFT' }))).toBe(422);
    expect(await statusOf(update(draft, { visibility: 'CONNECTIONS' }))).toBe(422);
    expect(await statusOf(update(draft, { contentCallToActionLabel: 'CLICK_HERE' }))).toBe(422);
    expect(await statusOf(update(draft, { contentLandingPage: 'kein Link' }))).toBe(422);
    expect(await read(draft)).toMatchObject({ lifecycleState: 'PUBLISHED', visibility: 'PUBLIC', commentary: 'Noch geheim' });
    const kinds = (await received(sim, 'linkedin')).filter((r) => r.externalId === draft).map((r) => r.kind);
    expect(kinds).toEqual(['post_publish', 'post_publish']);
  });

  it('answers only the projected fields: fields on get, finder and BATCH_GET; projection with decoration', async () => {
    const urn = await post({ commentary: 'Projiziert' });
    expect(await read(urn, { fields: 'id,commentary' })).toEqual({ id: urn, commentary: 'Projiziert' });
    expect(await read(urn, { fields: 'id,distribution:(feedDistribution)' })).toEqual({ id: urn, distribution: { feedDistribution: 'MAIN_FEED' } });
    const found = await restli.finder({
      resourcePath: '/posts',
      finderName: 'author',
      queryParams: { author: DEMO_LINKEDIN_ORG.urn, count: 3, fields: 'id,lifecycleState' },
      accessToken: token,
      versionString: VERSION,
    });
    expect(found.data.elements).toHaveLength(3);
    for (const e of found.data.elements) expect(Object.keys(e).sort()).toEqual(['id', 'lifecycleState']);
    expect(found.data.paging).toMatchObject({ start: 0, count: 3 });
    const batch = await restli.batchGet({
      resourcePath: '/posts',
      ids: [urn],
      queryParams: { fields: 'commentary' },
      accessToken: token,
      versionString: VERSION,
    });
    expect(batch.data.results[urn]).toEqual({ commentary: 'Projiziert' });

    const acls = await restli.finder({
      resourcePath: '/organizationAcls',
      finderName: 'roleAssignee',
      queryParams: { projection: '(elements*(*,roleAssignee~(localizedFirstName,localizedLastName),organization~(localizedName)))' },
      accessToken: token,
      versionString: VERSION,
    });
    const admin = (acls.data.elements as Json[]).find((e) => e.role === 'ADMINISTRATOR');
    expect(admin).toMatchObject({
      roleAssignee: DEMO_LINKEDIN_ORG.adminUrn,
      'roleAssignee~': { localizedFirstName: DEMO_LINKEDIN_ORG.adminFirstName, localizedLastName: DEMO_LINKEDIN_ORG.adminLastName },
      'organization~': { localizedName: DEMO_LINKEDIN_ORG.name },
    });
    expect(Object.keys(admin?.['organization~'] as Json)).toEqual(['localizedName']);
    expect(await statusOf(read(urn, { fields: 'id,(' }))).toBe(400);
  });

  it('lists the page roles by organization, filtered by role and state; the member sees their own', async () => {
    const aclElements = async (queryParams: Json) =>
      (
        await restli.finder({
          resourcePath: '/organizationAcls',
          finderName: 'organization',
          queryParams: { organization: DEMO_LINKEDIN_ORG.urn, ...queryParams },
          accessToken: token,
          versionString: VERSION,
        })
      ).data.elements as Json[];
    const acls = async (queryParams: Json) => (await aclElements(queryParams)).map((e) => `${String(e.role)}/${String(e.state)}`);
    expect(await acls({})).toEqual(['ADMINISTRATOR/APPROVED', 'CONTENT_ADMINISTRATOR/APPROVED', 'ANALYST/APPROVED', 'CURATOR/REQUESTED']);
    expect(await acls({ role: 'ANALYST' })).toEqual(['ANALYST/APPROVED']);
    expect(await acls({ state: 'REQUESTED' })).toEqual(['CURATOR/REQUESTED']);
    expect(await acls({ role: 'CURATOR', state: 'APPROVED' })).toEqual([]);
    expect(await statusOf(acls({ role: 'OWNER' }))).toBe(400);
    const named = await aclElements({ role: 'ANALYST', projection: '(elements*(role,roleAssignee~(localizedFirstName)))' });
    expect(named).toEqual([{ role: 'ANALYST', roleAssignee: expect.stringMatching(/^urn:li:person:/), 'roleAssignee~': { localizedFirstName: 'Mira' } }]);
    const mine = await restli.finder({ resourcePath: '/organizationAcls', finderName: 'roleAssignee', accessToken: token, versionString: VERSION });
    expect((mine.data.elements as Json[]).map((e) => e.role)).toEqual(['ADMINISTRATOR']);
  });

  it('likes and unlikes through the older socialActions likes sub-resource, which the Reactions API reads too', async () => {
    const urn = await post({ commentary: 'Zum Liken' });
    const like = await restli.create({
      resourcePath: '/socialActions/{id}/likes',
      pathKeys: { id: urn },
      entity: { actor: DEMO_LINKEDIN_ORG.urn, object: urn },
      accessToken: token,
      versionString: VERSION,
    });
    expect(like.status).toBe(201);
    expect(like.data).toMatchObject({
      actor: DEMO_LINKEDIN_ORG.urn,
      agent: DEMO_LINKEDIN_ORG.adminUrn,
      object: urn,
      $URN: `urn:li:like:(${DEMO_LINKEDIN_ORG.urn},${urn})`,
      created: { actor: DEMO_LINKEDIN_ORG.urn, time: expect.any(Number) },
    });
    const listed = await restli.getAll({ resourcePath: '/socialActions/{id}/likes', pathKeys: { id: urn }, accessToken: token, versionString: VERSION });
    expect((listed.data.elements as Json[]).map((e) => e.actor)).toEqual([DEMO_LINKEDIN_ORG.urn]);
    const reaction = await restli.get({
      resourcePath: '/reactions/{id}',
      pathKeys: { id: { actor: DEMO_LINKEDIN_ORG.urn, entity: urn } },
      accessToken: token,
      versionString: VERSION,
    });
    expect(reaction.data).toMatchObject({ reactionType: 'LIKE' });
    const summary = await restli.get({ resourcePath: '/socialActions/{id}', pathKeys: { id: urn }, accessToken: token, versionString: VERSION });
    expect(summary.data).toMatchObject({ likesSummary: { totalLikes: 1 } });
    expect(
      await statusOf(
        restli.create({
          resourcePath: '/socialActions/{id}/likes',
          pathKeys: { id: urn },
          entity: { actor: 'urn:li:organization:1', object: urn },
          accessToken: token,
          versionString: VERSION,
        }),
      ),
    ).toBe(403);
    const removed = await restli.delete({
      resourcePath: '/socialActions/{id}/likes/{actor}',
      pathKeys: { id: urn, actor: DEMO_LINKEDIN_ORG.urn },
      queryParams: { actor: DEMO_LINKEDIN_ORG.urn },
      accessToken: token,
      versionString: VERSION,
    });
    expect(removed.status).toBe(204);
    const after = await restli.getAll({ resourcePath: '/socialActions/{id}/likes', pathKeys: { id: urn }, accessToken: token, versionString: VERSION });
    expect(after.data.elements).toEqual([]);
  });

  it('reads a processed video with the duration and aspect ratio of its MP4 header, and without them for other bytes', async () => {
    const upload = async (bytes: Buffer) => {
      const init = await restli.action({
        resourcePath: '/videos',
        actionName: 'initializeUpload',
        data: { initializeUploadRequest: { owner: DEMO_LINKEDIN_ORG.urn, fileSizeBytes: bytes.length, uploadCaptions: false, uploadThumbnail: false } },
        accessToken: token,
        versionString: VERSION,
      });
      const value = init.data.value as { video: string; uploadToken: string; uploadInstructions: Array<{ uploadUrl: string }> };
      const put = await fetch(value.uploadInstructions[0].uploadUrl, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: bytes });
      await restli.action({
        resourcePath: '/videos',
        actionName: 'finalizeUpload',
        data: { finalizeUploadRequest: { video: value.video, uploadToken: value.uploadToken, uploadedPartIds: [put.headers.get('etag')] } },
        accessToken: token,
        versionString: VERSION,
      });
      const get = async () =>
        (await restli.get({ resourcePath: '/videos/{id}', pathKeys: { id: value.video }, accessToken: token, versionString: VERSION })).data;
      expect(await get()).not.toHaveProperty('duration'); // PROCESSING has measured nothing yet
      return get();
    };
    expect(await upload(mp4(42, 1920, 1080))).toMatchObject({ status: 'AVAILABLE', duration: 42_000, aspectRatioWidth: 16, aspectRatioHeight: 9 });
    expect(await upload(mp4(8, 1080, 1350))).toMatchObject({ duration: 8_000, aspectRatioWidth: 4, aspectRatioHeight: 5 });
    const plain = await upload(Buffer.alloc(3000, 1));
    expect(plain.status).toBe('AVAILABLE');
    expect(plain).not.toHaveProperty('duration');
    expect(plain).not.toHaveProperty('aspectRatioWidth');
  });

  it('lets a member post, comment and react as themselves with w_member_social, and not without it', async () => {
    const auth = new AuthClient({ clientId: DEMO_LINKEDIN_APP.clientId, clientSecret: DEMO_LINKEDIN_APP.clientSecret, redirectUrl: REDIRECT });
    const memberToken = async (scopes: string[]) => {
      const back = await redirectOf(client.toSim(auth.generateMemberAuthorizationUrl(scopes, 'st')));
      return (await auth.exchangeAuthCodeForAccessToken(new URL(back.location!).searchParams.get('code')!)).access_token;
    };
    const member = await memberToken(['openid', 'profile', 'w_member_social']);
    const orgOnly = await memberToken(['openid', 'profile', 'w_organization_social']);
    const asMember = { accessToken: member, versionString: VERSION };
    const me = (await restli.get({ resourcePath: '/userinfo', accessToken: member })).data as { sub: string };
    const person = `urn:li:person:${me.sub}`;
    expect(person).toBe(DEMO_LINKEDIN_ORG.adminUrn);

    const own = await post({ author: person, commentary: 'Persönlich gepostet' }, member);
    expect(await read(own)).toMatchObject({ author: person, commentary: 'Persönlich gepostet' });
    expect(await statusOf(post({ author: person, commentary: 'ohne Recht' }, orgOnly))).toBe(403);
    expect(await statusOf(post({ commentary: 'als Seite ohne Recht' }, member))).toBe(403);
    const mine = await restli.finder({
      resourcePath: '/posts',
      finderName: 'author',
      queryParams: { author: person },
      ...asMember,
    });
    expect((mine.data.elements as Json[]).map((e) => e.id)).toEqual([own]);

    const orgPost = await post({ commentary: 'Von der Seite' });
    const comment = await restli.create({
      resourcePath: '/socialActions/{id}/comments',
      pathKeys: { id: orgPost },
      entity: { actor: person, object: orgPost, message: { text: 'Gefällt mir persönlich' } },
      ...asMember,
    });
    expect(comment.status).toBe(201);
    expect(comment.data).toMatchObject({ actor: person, message: { text: 'Gefällt mir persönlich' } });
    expect(comment.data).not.toHaveProperty('agent');
    // The member edits and deletes their own comment (the comment id is in x-restli-id); the page's token cannot edit it as the member.
    const path = { id: orgPost, commentId: comment.createdEntityId as string };
    const edit = (accessToken: string) =>
      restli.partialUpdate({
        resourcePath: '/socialActions/{id}/comments/{commentId}',
        pathKeys: path,
        queryParams: { actor: person },
        patchSetObject: { message: { text: 'Gefällt mir sehr' } },
        accessToken,
        versionString: VERSION,
      });
    expect(await statusOf(edit(orgOnly))).toBe(403);
    expect((await edit(member)).data).toMatchObject({ actor: person, message: { text: 'Gefällt mir sehr' } });
    const truth = (await getJson(`${sim.url}/_sim/truth?network=linkedin`)).body.items as Array<{
      externalId: string;
      fromAccount: boolean;
      author: { externalId: string } | null;
    }>;
    // On the page's post, the member's comment is a customer's; their own post is not on the page.
    expect(truth.find((t) => t.externalId === (comment.data as Json).$URN)).toMatchObject({ fromAccount: false, author: { externalId: person } });
    expect(truth.map((t) => t.externalId)).not.toContain(own);
    const removeComment = await restli.delete({
      resourcePath: '/socialActions/{id}/comments/{commentId}',
      pathKeys: path,
      queryParams: { actor: person },
      ...asMember,
    });
    expect(removeComment.status).toBe(204);

    // The member uploads an image as its owner and posts it; the page's upload is not theirs.
    const init = await restli.action({
      resourcePath: '/images',
      actionName: 'initializeUpload',
      data: { initializeUploadRequest: { owner: person } },
      ...asMember,
    });
    const { uploadUrl, image } = init.data.value as { uploadUrl: string; image: string };
    expect((await fetch(uploadUrl, { method: 'PUT', headers: { authorization: `Bearer ${member}` }, body: Buffer.alloc(1024, 3) })).status).toBe(201);
    const withImage = await post({ author: person, commentary: 'Mit Bild', content: { media: { id: image } } }, member);
    expect(await read(withImage)).toMatchObject({ author: person, content: { media: { id: image } } });
    expect(await statusOf(post({ commentary: 'fremdes Bild', content: { media: { id: image } } }))).toBe(422);
    const refusedComment = restli.create({
      resourcePath: '/socialActions/{id}/comments',
      pathKeys: { id: orgPost },
      entity: { actor: person, object: orgPost, message: { text: 'ohne Recht' } },
      accessToken: orgOnly,
      versionString: VERSION,
    });
    expect(await statusOf(refusedComment)).toBe(403);

    const reacted = await restli.create({
      resourcePath: '/reactions',
      entity: { root: orgPost, reactionType: 'PRAISE' },
      queryParams: { actor: person },
      ...asMember,
    });
    expect(reacted.status).toBe(201);
    const theirs = await restli.get({
      resourcePath: '/reactions/{id}',
      pathKeys: { id: { actor: person, entity: orgPost } },
      ...asMember,
    });
    expect(theirs.data).toMatchObject({ actor: person, reactionType: 'PRAISE' });
    expect(
      await statusOf(
        restli.delete({ resourcePath: '/reactions/{id}', pathKeys: { id: { actor: person, entity: orgPost } }, accessToken: orgOnly, versionString: VERSION }),
      ),
    ).toBe(403);
    const removed = await restli.delete({
      resourcePath: '/reactions/{id}',
      pathKeys: { id: { actor: person, entity: orgPost } },
      ...asMember,
    });
    expect(removed.status).toBe(204);
  });
});
