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
interface Acl {
  roleAssignee: string;
  role: string;
  state: string;
}

const statusOf = (p: Promise<unknown>) =>
  p.then(
    () => 0,
    (e: unknown) => (e as { response?: { status: number } }).response?.status,
  );

/**
 * linkedin-api-client with only the hosts changed (see linkedin.client-spec.ts): organizationAcls
 * writes — PUT (Rest.li UPDATE, the one write LinkedIn lists) of an entry under its compound key
 * (organization, role, roleAssignee) — by an approved ADMINISTRATOR only; and PROCESSING_FAILED of
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

  const put = (id: Json, entity: Json, accessToken: string = token) =>
    restli.update({ resourcePath: '/organizationAcls/{id}', pathKeys: { id }, entity, accessToken, versionString: VERSION });

  it('adds, approves and revokes role assignments by PUT of the entry under its compound key', async () => {
    const added = await put(key('CONTENT_ADMINISTRATOR', MIRA), { ...key('CONTENT_ADMINISTRATOR', MIRA), state: 'APPROVED' });
    expect(added.status).toBe(204);
    expect(await holder('CONTENT_ADMINISTRATOR', MIRA)).toMatchObject({ state: 'APPROVED', organization: ORG });
    // Lena's CURATOR request: approved, then revoked (the entry stays, REVOKED, as the state filter lists it).
    expect((await put(key('CURATOR', LENA), { state: 'APPROVED' })).status).toBe(204);
    expect(await holder('CURATOR', LENA)).toMatchObject({ state: 'APPROVED' });
    expect((await put(key('CURATOR', LENA), { state: 'REVOKED' })).status).toBe(204);
    const revoked = await restli.finder({
      resourcePath: '/organizationAcls',
      finderName: 'organization',
      queryParams: { organization: ORG, state: 'REVOKED' },
      accessToken: token,
      versionString: VERSION,
    });
    expect((revoked.data.elements as Acl[]).map((a) => [a.roleAssignee, a.role])).toEqual([[LENA, 'CURATOR']]);
    expect((await received(sim, 'linkedin')).filter((r) => r.kind.startsWith('org_role_')).map((r) => `${r.kind} ${r.text}`)).toEqual([
      'org_role_add CONTENT_ADMINISTRATOR APPROVED',
      'org_role_edit CURATOR APPROVED',
      'org_role_edit CURATOR REVOKED',
    ]);
  });

  it('answers the documented errors: bad role or state 400, key mismatch 400, unknown member 404, another page 403', async () => {
    expect(await statusOf(put(key('OWNER', JONAS), { state: 'APPROVED' }))).toBe(400);
    expect(await statusOf(put(key('ANALYST', JONAS), { state: 'PAUSED' }))).toBe(400);
    expect(await statusOf(put(key('ANALYST', JONAS), {}))).toBe(400);
    expect(await statusOf(put(key('ANALYST', JONAS), { role: 'CURATOR', state: 'APPROVED' }))).toBe(400);
    expect(await statusOf(put(key('ANALYST', 'urn:li:person:nobodyKnown'), { state: 'APPROVED' }))).toBe(404);
    expect(await statusOf(put({ ...key('ANALYST', JONAS), organization: 'urn:li:organization:1' }, { state: 'APPROVED' }))).toBe(403);
    // The only approved administrator cannot be revoked; the Rest.li methods LinkedIn does not list are 405.
    expect(await statusOf(put(key('ADMINISTRATOR', ADMIN), { state: 'REVOKED' }))).toBe(400);
    expect(
      await statusOf(
        restli.partialUpdate({
          resourcePath: '/organizationAcls/{id}',
          pathKeys: { id: key('ANALYST', MIRA) },
          patchSetObject: { state: 'REVOKED' },
          accessToken: token,
          versionString: VERSION,
        }),
      ),
    ).toBe(405);
    expect(
      await statusOf(
        restli.delete({ resourcePath: '/organizationAcls/{id}', pathKeys: { id: key('ANALYST', MIRA) }, accessToken: token, versionString: VERSION }),
      ),
    ).toBe(405);
    expect(
      await statusOf(
        restli.batchCreate({
          resourcePath: '/organizationAcls',
          entities: [{ ...key('ANALYST', JONAS), state: 'APPROVED' }],
          accessToken: token,
          versionString: VERSION,
        }),
      ),
    ).toBe(405);
    expect(await holder('ANALYST', JONAS)).toBeUndefined();
  });

  it('lets only an approved ADMINISTRATOR with rw_organization_admin write', async () => {
    const auth = new AuthClient({ clientId: DEMO_LINKEDIN_APP.clientId, clientSecret: DEMO_LINKEDIN_APP.clientSecret, redirectUrl: REDIRECT });
    const back = await redirectOf(client.toSim(auth.generateMemberAuthorizationUrl(['openid', 'profile', 'w_organization_social'], 'st')));
    const noAdminScope = (await auth.exchangeAuthCodeForAccessToken(new URL(back.location!).searchParams.get('code')!)).access_token;
    expect(await statusOf(put(key('CURATOR', JONAS), { state: 'APPROVED' }, noAdminScope))).toBe(403);

    // A second administrator lets the first be revoked; from then on the demo token writes nothing.
    expect((await put(key('ADMINISTRATOR', JONAS), { state: 'APPROVED' })).status).toBe(204);
    expect((await put(key('ADMINISTRATOR', ADMIN), { state: 'REVOKED' })).status).toBe(204);
    expect(await statusOf(put(key('CURATOR', JONAS), { state: 'APPROVED' }))).toBe(403);
    expect(await statusOf(put(key('ADMINISTRATOR', ADMIN), { state: 'APPROVED' }))).toBe(403);
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
      (await fresh.restli.get({ resourcePath: `${resource}/{id}`, pathKeys: { id: urn }, accessToken: token, versionString: VERSION })).data;
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
