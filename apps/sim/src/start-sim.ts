import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simPortSettings, type Config, type SimPortSetting } from '@resonance/config';
import type { Network } from '@resonance/contracts';
import { SimClock } from './core/clock';
import { FaultState } from './core/faults';
import type { NetworkControl, NetworkModule, SimContext, SimSettings } from './core/network-module';
import { createNetworkServer, createSimServer } from './core/server';
import { createCa, issueServerCertificate, loadOrCreateCa, type ServerCertificate } from './core/tls';
import { TrafficLoop } from './core/traffic';
import { WebhookDispatcher } from './core/webhooks';
import { World } from './core/world';
import { openWorld, WorldSaver, type WorldState } from './core/world-state';
import { buildHistory, TrafficGenerator, type GeneratedItem } from './generator';
import { FacebookModule } from './networks/facebook/module';
import { InstagramModule } from './networks/instagram/module';
import { LinkedInModule } from './networks/linkedin/module';
import { XModule } from './networks/x/module';
import { XingModule } from './networks/xing/module';
import { YoutubeModule } from './networks/youtube/module';

/**
 * Unset SIM_HISTORY_DAYS and SIM_STATE_FILE (tests): no history, nothing kept between runs. Unset
 * network ports: any free port. SIM_TLS without SIM_CA_FILE: a CA kept in memory only.
 */
export type SimConfig = Pick<Config, 'SIM_HOST' | 'SIM_PORT' | 'SIM_SEED' | 'SIM_TRAFFIC_PER_MINUTE' | 'SIM_WEBHOOK_URL'> &
  Partial<
    Pick<
      Config,
      | 'SIM_WEBHOOK_RETRY_DELAYS_MS'
      | 'SIM_HISTORY_DAYS'
      | 'SIM_STATE_FILE'
      | 'SIM_FACEBOOK_PORT'
      | 'SIM_X_PORT'
      | 'SIM_LINKEDIN_PORT'
      | 'SIM_YOUTUBE_PORT'
      | 'SIM_XING_PORT'
      | 'SIM_INSTAGRAM_PORT'
      | 'SIM_TLS'
      | 'SIM_CA_FILE'
    >
  >;

export interface RunningSim {
  /** The shared origin, e.g. http://127.0.0.1:4000 (networks below /facebook, /x, ...; control at /_sim). */
  url: string;
  /**
   * Each network at its own origin, e.g. { x: 'https://127.0.0.1:4002' }: paths exactly as on the
   * real host (/2/tweets, /v24.0/me, /youtube/v3/...), for official clients and the product alike.
   */
  origins: Record<Network, string>;
  /** The product's settings that point every network at its own origin (FACEBOOK_GRAPH_URL, X_API_URL, ...). */
  productUrls: Record<'FACEBOOK_GRAPH_URL' | 'INSTAGRAM_API_URL' | 'X_API_URL' | 'LINKEDIN_API_URL' | 'YOUTUBE_API_URL' | 'XING_API_URL', string>;
  /** PEM of the CA the https origins' certificates chain to (SIM_TLS), else null. */
  ca: string | null;
  /** In-process handles, for tests and benchmarks in the same process. */
  context: SimContext;
  traffic: TrafficLoop;
  facebook: FacebookModule;
  instagram: InstagramModule;
  /** The world's creation time, history length and whether it continues an earlier run. */
  world: WorldState;
  close(): Promise<void>;
}

/** Default retry schedule of webhook deliveries (Facebook retries with growing gaps for hours). */
export const DEFAULT_WEBHOOK_RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000];

/** Starts the sim's HTTP server and its live traffic; resolves once it listens. */
export async function startSim(config: SimConfig, log: (line: string) => void = () => undefined): Promise<RunningSim> {
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
  const instagram = new InstagramModule(ctx);
  // Instagram API with Facebook Login is served by graph.facebook.com: the Facebook origin hands Instagram nodes over.
  facebook.instagram = instagram;
  instagram.facebookGraph = facebook;
  const modules: Array<NetworkModule & NetworkControl> = [
    facebook,
    instagram,
    new XModule(ctx),
    new LinkedInModule(ctx),
    new YoutubeModule(ctx),
    new XingModule(ctx),
  ];
  const stateFile = config.SIM_STATE_FILE && config.SIM_STATE_FILE !== 'off' ? config.SIM_STATE_FILE : null;
  const world = openWorld(stateFile, settings.seed, config.SIM_HISTORY_DAYS ?? 0, ctx.clock.now(), log);
  const traffic = new TrafficLoop(ctx, modules, placeHistory(ctx, modules, world));
  const saver = stateFile
    ? new WorldSaver(
        stateFile,
        world,
        () => {
          const seqs = traffic.lastSeqs();
          return Object.fromEntries(
            modules.filter((m) => m.ingest !== undefined).map((m) => [m.network, Math.max(seqs[m.network] ?? 0, m.ids?.idHighWater ?? 0)]),
          );
        },
        log,
      )
    : null;
  const host = config.SIM_HOST === '0.0.0.0' || config.SIM_HOST === '::' ? '127.0.0.1' : config.SIM_HOST;
  const tls = config.SIM_TLS ? serverCertificate(config, host) : null;
  const server = createSimServer(ctx, modules, traffic);
  const ports = simPortSettings();
  // A network without a port setting of its own (yet) gets any free port.
  const portOf = (network: Network): number => {
    const setting: SimPortSetting | undefined = new Map<string, SimPortSetting>(Object.entries(ports)).get(network);
    return (setting ? config[setting] : undefined) ?? 0;
  };
  const own = modules.map((m) => ({ network: m.network, server: createNetworkServer(ctx, m, tls), port: portOf(m.network) }));
  const servers: Server[] = [server, ...own.map((o) => o.server)];
  try {
    await listen(server, config.SIM_PORT, config.SIM_HOST);
    for (const o of own) await listen(o.server, o.port, config.SIM_HOST);
  } catch (error) {
    await Promise.all(servers.map((s) => closeServer(s)));
    throw error;
  }
  const origin = (s: Server, scheme: string) => `${scheme}://${host.includes(':') ? `[${host}]` : host}:${(s.address() as AddressInfo).port}`;
  const origins = Object.fromEntries(own.map((o) => [o.network, origin(o.server, tls ? 'https' : 'http')])) as Record<Network, string>;
  saver?.start();
  traffic.start();

  return {
    url: origin(server, 'http'),
    origins,
    productUrls: {
      FACEBOOK_GRAPH_URL: origins.facebook,
      INSTAGRAM_API_URL: origins.instagram,
      X_API_URL: origins.x,
      LINKEDIN_API_URL: origins.linkedin,
      YOUTUBE_API_URL: origins.youtube,
      XING_API_URL: origins.xing,
    },
    ca: tls?.ca ?? null,
    context: ctx,
    traffic,
    facebook,
    instagram,
    world,
    close: async () => {
      traffic.stop();
      saver?.stop();
      ctx.webhooks.close();
      await Promise.all(servers.map((s) => closeServer(s)));
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  server.keepAliveTimeout = 5_000;
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
}

/** The https origins' certificate: for the sim's host and the loopback names, from the CA in SIM_CA_FILE (or one in memory). */
function serverCertificate(config: SimConfig, host: string): ServerCertificate {
  const ca = config.SIM_CA_FILE ? loadOrCreateCa(config.SIM_CA_FILE) : createCa();
  return issueServerCertificate(ca, ['localhost', '127.0.0.1', '::1', host]);
}

/**
 * Puts the world's history on every network (rebuilt from the seed exactly as on the world's first
 * run, so its ids and times never change), then moves each network's id counters above what an
 * earlier run used. Returns where live traffic continues.
 */
function placeHistory(ctx: SimContext, modules: NetworkModule[], world: WorldState): { history: Map<string, GeneratedItem[]>; startSeq: Map<string, number> } {
  const history = new Map<string, GeneratedItem[]>();
  const startSeq = new Map<string, number>();
  // The history happened before anyone subscribed to webhooks: the first sync reads it.
  const webhookUrl = ctx.settings.webhookUrl;
  ctx.settings.webhookUrl = null;
  try {
    for (const m of modules) {
      if (!m.ingest) continue;
      const customers = new TrafficGenerator({ seed: `${ctx.settings.seed}:${m.network}` });
      const items = buildHistory({
        seed: ctx.settings.seed,
        network: m.network,
        days: world.historyDays,
        endAt: world.createdAt,
        customer: (i) => customers.customer(i),
      });
      if (items.length > 0) m.ingest(items);
      const floor = world.floors[m.network] ?? 0;
      if (floor > 0) m.ids?.resumeAbove(floor);
      history.set(m.network, items);
      startSeq.set(m.network, Math.max(items.length, floor));
    }
  } finally {
    ctx.settings.webhookUrl = webhookUrl;
  }
  return { history, startSeq };
}

function parseDelays(value: string | undefined): number[] | undefined {
  if (!value) return undefined;
  return value
    .split(',')
    .map((v) => Number(v.trim()))
    .filter((n) => Number.isFinite(n) && n >= 0);
}
