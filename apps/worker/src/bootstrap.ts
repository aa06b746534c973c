import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import type { Config } from '@resonance/config';
import { queueBackendFromConfig } from '@resonance/queue';
import { WorkerModule } from './worker.module';

export interface WorkerHandle {
  app: INestApplicationContext;
  close(): Promise<void>;
}

/** Starts one worker process's processors; safe to run several copies side by side. */
export async function startWorker(config: Config, databaseUrl: string): Promise<WorkerHandle> {
  const queue = queueBackendFromConfig(config, databaseUrl);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config, databaseUrl, queue }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log(`worker started; queue backend: ${queue.describe}`);
  return { app, close: () => app.close() };
}
