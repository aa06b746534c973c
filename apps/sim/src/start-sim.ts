import type { AddressInfo } from 'node:net';
import type { Config } from '@resonance/config';
import { SimClock } from './core/clock';
import { FaultState } from './core/faults';
import type { NetworkControl, NetworkModule, SimContext, SimSettings } from './core/network-module';
import { createSimServer } from './core/server';
import { TrafficLoop } from './core/traffic';
import { WebhookDispatcher } from './core/webhooks';
import { World } from './core/world';
import { FacebookModule } from './networks/facebook/module';
import { LinkedInModule } from './networks/linkedin/module';
import { notBuiltModule } from './networks/not-built';
import { XModule } from './networks/x/module';
import { XingModule } from './networks/xing/module';
import { YoutubeModule } from './networks/youtube/module';

export type SimConfig = Pick<Config, 'SIM_HOST' | 'SIM_PORT' | 'SIM_SEED' | 'SIM_TRAFFIC_PER_MINUTE' | 'SIM_WEBHOOK_URL'> &
  Partial<Pick<Config, 'SIM_WEBHOOK_RETRY_DELAYS_MS'>>;

export interface RunningSim {
  /** Base URL, e.g. http://127.0.0.1:4000 (networks below /facebook, /x, ...; control at /_sim). */
  url: string;
  /** In-process handles, for tests and benchmarks in the same process. */
  context: SimContext;
  traffic: TrafficLoop;
  facebook: FacebookModule;
  close(): Promise<void>;
}

/** Default retry schedule of webhook deliveries (Facebook retries with growing gaps for hours). */
export const DEFAULT_WEBHOOK_RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000];

/** Starts the sim's HTTP server and its live traffic; resolves once it listens. */
export async function startSim(config: SimConfig): Promise<RunningSim> {
  const settings: SimSettings = {
    seed: config.SIM_SEED,
    trafficPerMinute: config.SIM_TRAFFIC_PER_MINUTE,
    webhookUrl: config.SIM_WEBHOOK_URL === 'off' ? null : config.SIM_WEBHOOK_URL,
    webhookRetryDelaysMs: parseDelays(config.SIM_WEBHOOK_RETRY_DELAYS_MS) ?? DEFAULT_WEBHOOK_RETRY_DELAYS_MS,
  };
  const faults = new FaultState();
  const ctx: SimContext = {
    settings,
    world: new World(),
    faults,
    clock: new SimClock(),
    webhooks: new WebhookDispatcher(faults, () => settings.webhookRetryDelaysMs),
  };
  const facebook = new FacebookModule(ctx);
  const modules: Array<NetworkModule & NetworkControl> = [facebook, new XModule(ctx), new LinkedInModule(ctx), new YoutubeModule(ctx), new XingModule(ctx)];
  const traffic = new TrafficLoop(ctx, modules);
  const server = createSimServer(ctx, modules, traffic);
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.SIM_PORT, config.SIM_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.SIM_HOST === '0.0.0.0' || config.SIM_HOST === '::' ? '127.0.0.1' : config.SIM_HOST;
  traffic.start();

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    context: ctx,
    traffic,
    facebook,
    close: async () => {
      traffic.stop();
      ctx.webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function parseDelays(value: string | undefined): number[] | undefined {
  if (!value) return undefined;
  return value.split(',').map((v) => Number(v.trim())).filter((n) => Number.isFinite(n) && n >= 0);
}
