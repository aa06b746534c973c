import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cleanChildProcessEnv } from '@resonance/config';
import { DEMO_FACEBOOK_PAGE, DEMO_YOUTUBE_CLIENT, type RunningSim } from '../src';
import { getJson, postJson, testSim } from './support';

const run = promisify(execFile);

/** An https GET from a fresh node process (where NODE_EXTRA_CA_CERTS is read), its status or error code. */
async function fetchInChild(url: string, env: Record<string, string>): Promise<string> {
  const script = `fetch(${JSON.stringify(url)}).then((r) => console.log(r.status), (e) => console.log(e.cause?.code ?? e.message))`;
  const { stdout } = await run(process.execPath, ['-e', script], { env: cleanChildProcessEnv(env) });
  return stdout.trim();
}

describe('each network at its own origin', () => {
  let sim: RunningSim;
  afterEach(() => sim.close());

  it('serves every network at the root of its own port, with the paths of the real host, and keeps /{network} on the shared origin', async () => {
    sim = await testSim();
    const token = DEMO_FACEBOOK_PAGE.pageAccessToken;
    await postJson(`${sim.url}/_sim/generate`, { count: 300, network: 'facebook' });
    const own = await getJson(`${sim.origins.facebook}/v24.0/${DEMO_FACEBOOK_PAGE.id}/feed?fields=id,message&limit=2&access_token=${token}`);
    expect(own.status).toBe(200);
    // Paging links point back at the origin the client used, without the shared origin's prefix.
    expect(own.body.paging.next.startsWith(`${sim.origins.facebook}/v24.0/${DEMO_FACEBOOK_PAGE.id}/feed?`)).toBe(true);
    expect((await getJson(own.body.paging.next)).status).toBe(200);
    const shared = await getJson(`${sim.url}/facebook/v24.0/${DEMO_FACEBOOK_PAGE.id}/feed?fields=id,message&limit=2&access_token=${token}`);
    expect(shared.body.paging.next.startsWith(`${sim.url}/facebook/v24.0/`)).toBe(true);
    expect(shared.body.data).toEqual(own.body.data);

    // Google's client keeps only the origin of its rootUrl: the Data API must answer at /youtube/v3.
    const yt = await getJson(`${sim.origins.youtube}/youtube/v3/videos?part=id&id=nothing`, { headers: { authorization: 'Bearer nope' } });
    expect(yt.body.error.status).toBe('UNAUTHENTICATED');
    const token2 = await fetch(`${sim.origins.youtube}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=refresh_token&refresh_token=bogus&client_id=${DEMO_YOUTUBE_CLIENT.clientId}&client_secret=${DEMO_YOUTUBE_CLIENT.clientSecret}`,
    });
    expect(((await token2.json()) as { error: string }).error).toBe('invalid_grant');
    // Every origin answers an unknown path in its network's own shape, not the sim's.
    expect((await getJson(`${sim.origins.x}/1.1/nothing`)).body).toEqual({ errors: [{ message: 'Sorry, that page does not exist', code: 34 }] });
    expect((await getJson(`${sim.origins.linkedin}/nothing`)).status).toBe(404);
    expect((await getJson(`${sim.origins.xing}/nothing`)).status).toBe(404);
    expect(new Set(Object.values(sim.origins)).size).toBe(6);
    expect(sim.productUrls.INSTAGRAM_API_URL).toBe(sim.origins.instagram);
    expect(sim.productUrls.X_API_URL).toBe(sim.origins.x);
  });

  it('serves https from a CA kept in SIM_CA_FILE, which a client trusts through NODE_EXTRA_CA_CERTS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resonance-sim-ca-'));
    const caFile = join(dir, 'ca.pem');
    try {
      sim = await testSim({ SIM_TLS: true, SIM_CA_FILE: caFile });
      expect(sim.origins.x.startsWith('https://127.0.0.1:')).toBe(true);
      expect(statSync(caFile).mode & 0o077).toBe(0); // the CA's key is in there
      const url = `${sim.origins.x}/2/users/me`;
      expect(await fetchInChild(url, { NODE_EXTRA_CA_CERTS: caFile })).toBe('401');
      expect(await fetchInChild(url, {})).toMatch(/UNABLE_TO_VERIFY|CERT/);
      // A restarted sim keeps the CA, so a client set up once keeps trusting it.
      const before = readFileSync(caFile, 'utf8');
      await sim.close();
      sim = await testSim({ SIM_TLS: true, SIM_CA_FILE: caFile });
      expect(readFileSync(caFile, 'utf8')).toBe(before);
      expect(await fetchInChild(`${sim.origins.facebook}/v24.0/me`, { NODE_EXTRA_CA_CERTS: caFile })).toBe('400');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
