import { dirname } from 'node:path';
import { RestliClient } from 'linkedin-api-client';
import { DEMO_LINKEDIN_ORG, type RunningSim } from '../../src';
import { clientSim, postJson } from './support';

interface AxiosLike {
  interceptors: { request: { use(f: (config: { url?: string }) => { url?: string }): number; eject(id: number): void } };
}

export interface LinkedInAgainstSim {
  sim: RunningSim;
  restli: RestliClient;
  /** The same host change for a URL a browser would open (the consent page). */
  toSim(url: string): string;
  close(): Promise<void>;
}

/**
 * A sim with `count` generated LinkedIn items and linkedin-api-client pointed at it by the host
 * only: a request interceptor on the RestliClient's axios and on the axios module AuthClient calls
 * swaps https://api.linkedin.com and https://www.linkedin.com for the sim's LinkedIn origin.
 */
export async function linkedinAgainstSim(count: number): Promise<LinkedInAgainstSim> {
  const sim = await clientSim(false);
  await postJson(`${sim.url}/_sim/generate`, { count, network: 'linkedin' });
  const swap = (url?: string) => url?.replace(/^https:\/\/(api|www)\.linkedin\.com/, sim.origins.linkedin);
  const toSim = (config: { url?: string }) => ({ ...config, url: swap(config.url) });
  const restli = new RestliClient();
  (restli as unknown as { axiosInstance: AxiosLike }).axiosInstance.interceptors.request.use(toSim);
  const axios = jest.requireActual<AxiosLike>(require.resolve('axios', { paths: [dirname(require.resolve('linkedin-api-client'))] }));
  const hook = axios.interceptors.request.use(toSim);
  return {
    sim,
    restli,
    toSim: (url) => swap(url) ?? url,
    close: async () => {
      axios.interceptors.request.eject(hook);
      await sim.close();
    },
  };
}

/** A post entity as the organization, PUBLIC, in the main feed, published: `over` changes any of it. */
export function orgPost(over: Record<string, unknown>): Record<string, unknown> {
  return {
    author: DEMO_LINKEDIN_ORG.urn,
    commentary: '',
    visibility: 'PUBLIC',
    distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    lifecycleState: 'PUBLISHED',
    isReshareDisabledByAuthor: false,
    ...over,
  };
}
