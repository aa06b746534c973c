import 'reflect-metadata';
import { getHeapStatistics } from 'node:v8';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { Config } from '@resonance/config';
import { queueBackendFromConfig } from '@resonance/queue';
import { AppModule } from './app.module';
import { keepConnectionsAlive } from './keep-alive';
import { setupApiDocs } from './docs/api-docs';
import { mountMetrics } from './metrics';
import { mountQueueBoard } from './queue-board';
import { applySecurity } from './security';
import { useBodyParsers } from './security/json-body';

export interface ApiHandle {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/** Builds the API application (routes under /api, OpenAPI at /api/docs as API_DOCS says) without listening. */
export async function createApi(config: Config, databaseUrl: string): Promise<INestApplication> {
  const queue = queueBackendFromConfig(config, databaseUrl);
  // Nest's own body parsers are replaced by useBodyParsers: the same parsers, the raw body kept for
  // webhook signatures, and JSON nested deeper than MAX_JSON_DEPTH refused with a 400.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, databaseUrl, queue }), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  // Before anything reads req.ip: the limiters count per client address (common/http.ts clientIp),
  // which behind a trusted proxy is the address it forwards, otherwise the socket's.
  app.set('trust proxy', config.API_TRUST_PROXY);
  // First, so that every answer is timed: refusals of the security middlewares and 404s too.
  mountMetrics(app, config);
  applySecurity(app, config);
  useBodyParsers(app);
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  setupApiDocs(app, config);
  queueBoards.set(app, mountQueueBoard(app, config));
  return app;
}

/** Whether createApi mounted bull-board, for the startup log line. */
const queueBoards = new WeakMap<INestApplication, ReturnType<typeof mountQueueBoard>>();

export async function startApi(config: Config, databaseUrl: string): Promise<ApiHandle> {
  const app = await createApi(config, databaseUrl);
  const server = app.getHttpServer() as Server;
  keepConnectionsAlive(server);
  await app.listen(config.API_PORT, config.API_HOST);
  const url = `http://localhost:${config.API_PORT}`;
  // The heap limit shows whether the api got its V8 flags (libs/runtime/src/node-flags.ts).
  const heapLimitMb = Math.round(getHeapStatistics().heap_size_limit / 1048576);
  const board = queueBoards.get(app);
  app
    .get(Logger)
    .log(
      `metrics: ${config.METRICS_TOKEN ? 'GET /metrics with the METRICS_TOKEN bearer token' : 'off (set METRICS_TOKEN)'}; queue board: ${
        board === 'mounted' ? '/admin/queues for admins' : board === 'no-redis' ? 'off (needs REDIS_URL)' : 'off (QUEUE_BOARD)'
      }`,
    );
  app
    .get(Logger)
    .log(
      `api listening on ${url} (${bindingNote(config.API_HOST)}); queue backend: ${queueBackendFromConfig(config, databaseUrl).describe}; V8 heap limit ${heapLimitMb} MB`,
    );
  return { app, url, close: () => app.close() };
}

/** Says in the log who can reach the api: this machine only unless API_HOST opened it. */
export function bindingNote(host: string): string {
  const loopback = host === '127.0.0.1' || host === '::1' || host === 'localhost';
  return loopback ? `bound to ${host}: this machine only; set API_HOST=0.0.0.0 to accept other machines` : `bound to ${host} (API_HOST)`;
}
