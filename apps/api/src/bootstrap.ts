import 'reflect-metadata';
import { getHeapStatistics } from 'node:v8';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { Config } from '@resonance/config';
import { queueBackendFromConfig } from '@resonance/queue';
import { AppModule } from './app.module';
import { applySecurity } from './security';
import { useBodyParsers } from './security/json-body';

export interface ApiHandle {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/** Builds the API application (routes under /api, OpenAPI at /api/docs) without listening. */
export async function createApi(config: Config, databaseUrl: string): Promise<INestApplication> {
  const queue = queueBackendFromConfig(config, databaseUrl);
  // Nest's own body parsers are replaced by useBodyParsers: the same parsers, the raw body kept for
  // webhook signatures, and JSON nested deeper than MAX_JSON_DEPTH refused with a 400.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, databaseUrl, queue }), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  applySecurity(app, config);
  useBodyParsers(app);
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Resonance API')
      .setDescription('The unified social-media inbox and engagement dashboard')
      .setVersion('0.1.0')
      .addCookieAuth('resonance_session', { type: 'apiKey', in: 'cookie', name: 'resonance_session' }, 'resonance_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}

export async function startApi(config: Config, databaseUrl: string): Promise<ApiHandle> {
  const app = await createApi(config, databaseUrl);
  await app.listen(config.API_PORT, config.API_HOST);
  const url = `http://localhost:${config.API_PORT}`;
  // The heap limit shows whether the api got its V8 flags (libs/runtime/src/node-flags.ts).
  const heapLimitMb = Math.round(getHeapStatistics().heap_size_limit / 1048576);
  app.get(Logger).log(`api listening on ${url}; queue backend: ${queueBackendFromConfig(config, databaseUrl).describe}; V8 heap limit ${heapLimitMb} MB`);
  return { app, url, close: () => app.close() };
}
