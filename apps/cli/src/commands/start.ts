import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { childProcessEnv, loadConfig, redactUrl, simNetworkUrls, type Config } from '@resonance/config';
import { createDataSource } from '@resonance/db';
import { NODE_FLAGS } from '@resonance/runtime';
import { loadOrCreateCa } from '@resonance/sim';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../embedded-postgres';
import { prepareDatabase } from '../prepare-database';
import { seedDemo } from '../seed';
import { startedProcesses } from './start-processes';

// Makes api, worker and sim stop when this CLI is killed without stopping them.
const EXIT_WITH_PARENT = resolve(__dirname, '..', 'exit-with-parent.js');

/**
 * `resonance start`: the whole product on one machine. Without DATABASE_URL it runs an embedded
 * PostgreSQL; without REDIS_URL the queues run on BullMQ's PostgreSQL backend. It migrates, seeds
 * the demo workspace (demo mode), then runs worker, api and (unless production, see
 * start-processes.ts) the sim as child processes until Ctrl-C.
 */
export async function runStart(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const log = (line: string) => out.write(`resonance: ${line}\n`);
  const config = loadConfig();
  const processes = startedProcesses(config, argv);
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config, log);
    databaseUrl = embedded.url;
    log(`database: embedded PostgreSQL on 127.0.0.1:${config.EMBEDDED_PG_PORT} (data in ${embedded.dataDir})`);
  } else {
    log(`database: PostgreSQL at ${redactUrl(databaseUrl)}`);
  }
  log(
    config.REDIS_URL
      ? `queues: BullMQ on Redis at ${redactUrl(config.REDIS_URL)}`
      : config.REDIS_CLUSTER_NODES
        ? `queues: BullMQ on the Redis Cluster at ${config.REDIS_CLUSTER_NODES.map(redactUrl).join(', ')}`
        : 'queues: BullMQ on its PostgreSQL backend (no REDIS_URL)',
  );

  const children = new Map<string, ChildProcess>();
  let stopping = false;
  const stopAll = async (code: number): Promise<number> => {
    if (stopping) return code;
    stopping = true;
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) {
              done();
              return;
            }
            const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    await embedded?.stop().catch(() => undefined);
    return code;
  };

  try {
    await prepareDatabase(config, databaseUrl, log);
    if (config.DEMO_MODE) {
      const dataSource = await createDataSource({ url: databaseUrl, poolSize: 2 }).initialize();
      try {
        const seeded = await seedDemo(dataSource, config);
        log(seeded.created ? 'seeded the demo workspace' : 'demo workspace present');
      } finally {
        await dataSource.destroy();
      }
    }
  } catch (error) {
    await stopAll(1);
    throw error;
  }

  const simEnv = processes.includes('sim') ? simWiring(config) : {};
  return new Promise<number>((resolveExit) => {
    const finish = (code: number) => void stopAll(code).then(resolveExit);
    for (const name of processes) {
      const entry = resolve(__dirname, '..', '..', '..', name, 'dist', 'main.js');
      const child = spawn(process.execPath, [...NODE_FLAGS[name], '--require', EXIT_WITH_PARENT, entry], {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: childProcessEnv({ DATABASE_URL: databaseUrl, ...simEnv }),
      });
      children.set(name, child);
      child.once('exit', (code, signal) => {
        if (stopping) return;
        log(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping everything`);
        finish(1);
      });
    }
    const sim = processes.includes('sim')
      ? `sim at ${config.SIM_URL}, ${Object.keys(simEnv).filter((k) => k.endsWith('_URL')).length} networks at their own origins`
      : 'no sim: networks without credentials are unreachable (START_SIM=true or --with-sim runs it)';
    log(
      `Resonance is starting at http://localhost:${config.API_PORT} (api ${config.API_HOST === '0.0.0.0' ? 'open to other machines' : `on ${config.API_HOST} only`}; ${sim}); Ctrl-C stops everything`,
    );
    if (config.DEMO_MODE) log('demo logins: admin@demo.local, agent@demo.local, analyst@demo.local — password "resonance"');
    process.once('SIGINT', () => finish(0));
    process.once('SIGTERM', () => finish(0));
  });
}

/**
 * What api and worker need to reach the sim's networks at their own origins, as a real client
 * would reach the real hosts: each *_API_URL the operator left unset, and with SIM_TLS the sim's
 * CA (made now, before any process starts, since Node reads NODE_EXTRA_CA_CERTS only at startup).
 */
function simWiring(config: Config): Record<string, string> {
  const env: Record<string, string> = { ...simNetworkUrls(config) };
  if (config.SIM_TLS) {
    loadOrCreateCa(config.SIM_CA_FILE);
    env.NODE_EXTRA_CA_CERTS = resolve(config.SIM_CA_FILE);
  }
  return env;
}
