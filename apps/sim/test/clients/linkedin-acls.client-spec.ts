import { AuthClient, type RestliClient } from 'linkedin-api-client';
import { DEMO_LINKEDIN_APP, DEMO_LINKEDIN_ORG, type RunningSim } from '../../src';
import { linkedinAgainstSim, orgPost, type LinkedInAgainstSim } from './linkedin-client';
import { postJson, received, redirectOf } from './support';

const VERSION = '202610';
const REDIRECT = 'http://127.0.0.1:3000/api/oauth/callback/linkedin';
const token = DEMO_LINKEDIN_ORG.accessToken;
const ORG = DEMO_LINKEDIN_ORG.urn;
const ADMIN = DEMO_LINKEDIN_ORG.adminUrn;
// Role holders the sim's page has besides the administrator (state.ts STAFF).
const JONAS = 'urn:li:person:rStaffJonas7';
const LENA = 'urn:li:person:rStaffLena58';
const MIRA = 'urn:li:person:rStaffMira31';

type Json = Record<string, unknown>;
type Acl = { roleAssignee: string; role: string; state: string };

const statusOf = (p: Promise<unknown>) =>
  p.then(
    () => 0,
    (e: unknown) => (e as { response?: { status: number } }).response?.status,
  );

/**
 * linkedin-api-client with only the hosts changed (see linkedin.client-spec.ts): organizationAcls
 * writes — BATCH_CREATE, PARTIAL_UPDATE and BATCH_PARTIAL_UPDATE of an entry's state, DELETE and
 * BATCH_DELETE by the compound key — by an approved ADMINISTRATOR only; and PROCESSING_FAILED of
 * images, videos and documents when the media_processing_failed fault hits their upload.
 */
describe('linkedin-api-client: organizationAcls writes and media processing failures', () => {
  let sim: RunningSim;
  let restli: RestliClient;
  let client: LinkedInAgainstSim;

  beforeAll(async () => {
    client = await linkedinAgainstSim(10);
    ({ sim, restli } = client);
  });
  afterAll(() => client.close());

  const key = (role: string, roleAssignee: string) => ({ organization: ORG, role, roleAssignee });
  const holders = async (): Promise<Acl[]> =>
    (
      await restli.finder({
        resourcePath: '/organizationAcls',
        finderName: 'organization',
        queryParams: { organization: ORG, count: 50 },
        accessToken: token,
        versionString: VERSION,
      })
    ).data.elements as Acl[];
  const holder = async (role: string, person: string) => (await holders()).find((a) => a.role === role && a.roleAssignee === person);

  it('adds role assignments by BATCH_CREATE, per element: created, duplicate, unknown member, bad role', async () => {
    const res = await restli.batchCreate({
      resourcePath: '/organizationAcls',
      entities: [
        { roleAssignee: MIRA, role: 'CONTENT_ADMINISTRATOR', organization: ORG },
        { roleAssignee: LENA, role: 'ANALYST', organization: ORG, state: 'REQUESTED' },
        { roleAssignee: MIRA, role: 'ANALYST', organization: ORG },
        { roleAssignee: 'urn:li:person:nobodyKnown', role: 'ANALYST', organization: ORG },
        { roleAssignee: JONAS, role: 'OWNER', organization: ORG },
      ],
      accessToken: token,
      versionString: VERSION,
    });
    expect(res.status).toBe(200);
    const elements = res.data.elements as Json[];
    expect(elements.map((e) => e.status)).toEqual([201, 201, 409, 404, 400]);
    expect(elements[0].id).toBe(`(organization:${encodeURIComponent(ORG)},role:CONTENT_ADMINISTRATOR,roleAssignee:${encodeURIComponent(MIRA)})`);
    expect(elements[4]).toMatchObject({ error: { status: 400, message: expect.stringContaining('role') } });
    expect(await holder('CONTENT_ADMINISTRATOR', MIRA)).toMatchObject({ state: 'APPROVED' });
    expect(await holder('ANALYST', LENA)).toMatchObject({ state: 'REQUESTED' });
    expect((await received(sim, 'linkedin')).filter((r) => r.kind === 'org_role_add').map((r) => r.text)).toEqual([
      'CONTENT_ADMINISTRATOR APPROVED',
      'ANALYST REQUESTED',
    ]);
  });

  it('approves and revokes by PARTIAL_UPDATE and BATCH_PARTIAL_UPDATE of the state only', async () => {
    const one = await restli.partialUpdate({
      resourcePath: '/organizationAcls/{id}',
      pathKeys: { id: key('ANALYST', LENA) },
      patchSetObject: { state: 'APPROVED' },
      accessToken: token,
      versionString: VERSION,
    });
    expect(one.status).toBe(204);
    expect(await holder('ANALYST', LENA)).toMatchObject({ state: 'APPROVED' });
    // The key's fields are not updatable; a state outside LinkedIn's four is 400; no such entry 404.
    const patch = (id: Json, set: Json) =>
      statusOf(
        restli.partialUpdate({ resourcePath: '/organizationAcls/{id}', pathKeys: { id }, patchSetObject: set, accessToken: token, versionString: VERSION }),
      );
    expect(await patch(key('ANALYST', LENA), { role: 'CURATOR' })).toBe(400);
    expect(await patch(key('ANALYST', LENA), { state: 'PAUSED' })).toBe(400);
    expect(await patch(key('RECRUITING_POSTER', LENA), { state: 'APPROVED' })).toBe(404);

    const batch = await restli.batchPartialUpdate({
      resourcePath: '/organizationAcls',
      ids: [key('CURATOR', LENA), key('ANALYST', JONAS)],
      patchSetObjects: [{ state: 'REJECTED' }, { state: 'REVOKED' }],
      accessToken: token,
      versionString: VERSION,
    });
    expect(batch.status).toBe(200);
    const curator = `(organization:${encodeURIComponent(ORG)},role:CURATOR,roleAssignee:${encodeURIComponent(LENA)})`;
    expect(batch.data.results).toEqual({ [curator]: { status: 204 } });
    expect(Object.values(batch.data.errors as Json)).toEqual([expect.objectContaining({ status: 404 })]);
    expect(await holder('CURATOR', LENA)).toMatchObject({ state: 'REJECTED' });
  });

  it('removes by DELETE and BATCH_DELETE, and keeps the page one approved administrator', async () => {
    const del = await restli.delete({
      resourcePath: '/organizationAcls/{id}',
      pathKeys: { id: key('CURATOR', LENA) },
      accessToken: token,
      versionString: VERSION,
    });
    expect(del.status).toBe(204);
    expect(await holder('CURATOR', LENA)).toBeUndefined();
    const batch = await restli.batchDelete({
      resourcePath: '/organizationAcls',
      ids: [key('ANALYST', LENA), key('CURATOR', LENA)],
      accessToken: token,
      versionString: VERSION,
    });
    expect(Object.values(batch.data.results as Json)).toEqual([{ status: 204 }]);
    expect(Object.values(batch.data.errors as Json)).toEqual([expect.objectContaining({ status: 404 })]);
    // The only approved administrator can neither go nor be revoked.
    expect(
      await statusOf(
        restli.delete({ resourcePath: '/organizationAcls/{id}', pathKeys: { id: key('ADMINISTRATOR', ADMIN) }, accessToken: token, versionString: VERSION }),
      ),
    ).toBe(400);
    expect(
      await statusOf(
        restli.partialUpdate({
          resourcePath: '/organizationAcls/{id}',
          pathKeys: { id: key('ADMINISTRATOR', ADMIN) },
          patchSetObject: { state: 'REVOKED' },
          accessToken: token,
          versionString: VERSION,
        }),
      ),
    ).toBe(400);
    const kinds = (await received(sim, 'linkedin')).map((r) => r.kind);
    expect(kinds.filter((k) => k === 'org_role_remove')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'org_role_edit')).toHaveLength(2);
  });

  it('lets only an approved ADMINISTRATOR with rw_organization_admin write', async () => {
    const auth = new AuthClient({ clientId: DEMO_LINKEDIN_APP.clientId, clientSecret: DEMO_LINKEDIN_APP.clientSecret, redirectUrl: REDIRECT });
    const back = await redirectOf(client.toSim(auth.generateMemberAuthorizationUrl(['openid', 'profile', 'w_organization_social'], 'st')));
    const noAdminScope = (await auth.exchangeAuthCodeForAccessToken(new URL(back.location!).searchParams.get('code')!)).access_token;
    const create = (accessToken: string, role: string) =>
      statusOf(
        restli.batchCreate({
          resourcePath: '/organizationAcls',
          entities: [{ roleAssignee: JONAS, role, organization: ORG }],
          accessToken,
          versionString: VERSION,
        }),
      );
    expect(await create(noAdminScope, 'CURATOR')).toBe(403);

    // A second administrator lets the first be revoked; from then on the demo token writes nothing.
    expect(await create(token, 'ADMINISTRATOR')).toBe(0);
    const revoke = await restli.partialUpdate({
      resourcePath: '/organizationAcls/{id}',
      pathKeys: { id: key('ADMINISTRATOR', ADMIN) },
      patchSetObject: { state: 'REVOKED' },
      accessToken: token,
      versionString: VERSION,
    });
    expect(revoke.status).toBe(204);
    expect(await create(token, 'CURATOR')).toBe(403);
    expect(
      await statusOf(
        restli.delete({ resourcePath: '/organizationAcls/{id}', pathKeys: { id: key('ADMINISTRATOR', JONAS) }, accessToken: token, versionString: VERSION }),
      ),
    ).toBe(403);
    // Nor does it post as the page any more.
    expect(await statusOf(restli.create({ resourcePath: '/posts', entity: orgPost({ commentary: 'x' }), accessToken: token, versionString: VERSION }))).toBe(
      403,
    );
  });

  describe('PROCESSING_FAILED', () => {
    let fresh: LinkedInAgainstSim;
    beforeAll(async () => {
      fresh = await linkedinAgainstSim(0);
    });
    afterAll(() => fresh.close());

    const action = (resource: string, data: Json) =>
      fresh.restli.action({ resourcePath: resource, actionName: 'initializeUpload', data, accessToken: token, versionString: VERSION });
    const get = async (resource: string, urn: string) =>
      (await fresh.restli.get({ resourcePath: `${resource}/{id}`, pathKeys: { id: urn }, accessToken: token, versionString: VERSION })).data as Json;
    const put = (url: string, body: Buffer) =>
      fetch(url, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body });
    const postWith = (id: string, extra: Json = {}) =>
      statusOf(
        fresh.restli.create({
          resourcePath: '/posts',
          entity: orgPost({ commentary: 'mit Medium', content: { media: { id, ...extra } } }),
          accessToken: token,
          versionString: VERSION,
        }),
      );

    it('answers PROCESSING_FAILED for an image, a video and a document the fault hit, and no post takes them', async () => {
      const fault = await postJson(`${fresh.sim.url}/_sim/faults`, { network: 'linkedin', kind: 'media_processing_failed', count: 3 });
      expect(fault.status).toBe(200);

      const image = (await action('/images', { initializeUploadRequest: { owner: ORG } })).data.value as { uploadUrl: string; image: string };
      expect((await put(image.uploadUrl, Buffer.alloc(512, 1))).status).toBe(201);
      const img = await get('/images', image.image);
      expect(img).toMatchObject({ status: 'PROCESSING_FAILED', id: image.image });
      expect(img).not.toHaveProperty('downloadUrl');
      expect(await postWith(image.image)).toBe(422);

      const video = (await action('/videos', { initializeUploadRequest: { owner: ORG, fileSizeBytes: 2000, uploadCaptions: false, uploadThumbnail: false } }))
        .data.value as { video: string; uploadToken: string; uploadInstructions: Array<{ uploadUrl: string }> };
      const part = await put(video.uploadInstructions[0].uploadUrl, Buffer.alloc(2000, 2));
      await fresh.restli.action({
        resourcePath: '/videos',
        actionName: 'finalizeUpload',
        data: { finalizeUploadRequest: { video: video.video, uploadToken: video.uploadToken, uploadedPartIds: [part.headers.get('etag')] } },
        accessToken: token,
        versionString: VERSION,
      });
      expect(await get('/videos', video.video)).toMatchObject({ status: 'PROCESSING' });
      const vid = await get('/videos', video.video);
      expect(vid).toMatchObject({ status: 'PROCESSING_FAILED' });
      expect(vid).not.toHaveProperty('downloadUrl');
      expect(await postWith(video.video)).toBe(422);

      const doc = (await action('/documents', { initializeUploadRequest: { owner: ORG } })).data.value as { uploadUrl: string; document: string };
      expect((await put(doc.uploadUrl, Buffer.from('%PDF-1.4\n'))).status).toBe(201);
      expect(await get('/documents', doc.document)).toMatchObject({ status: 'PROCESSING' });
      expect(await get('/documents', doc.document)).toMatchObject({ status: 'PROCESSING_FAILED' });
      expect(await postWith(doc.document, { title: 'Bericht' })).toBe(422);

      // The fault was for three uploads: the next image is AVAILABLE and can be posted.
      const next = (await action('/images', { initializeUploadRequest: { owner: ORG } })).data.value as { uploadUrl: string; image: string };
      await put(next.uploadUrl, Buffer.alloc(512, 3));
      expect(await get('/images', next.image)).toMatchObject({ status: 'AVAILABLE' });
      expect(await postWith(next.image)).toBe(0);
    });
  });
});
