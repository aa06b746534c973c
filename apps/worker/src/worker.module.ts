import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CONFIG, type Config } from '@resonance/config';
import { DatabaseModule } from '@resonance/db';
import { QueueModule, type QueueBackend } from '@resonance/queue';
import { ClassifyProcessor } from './classify/classify.processor';
import { WorkerHealthServer } from './health/health-server';
import { WorkerProbes } from './health/worker-probes';
import { IngestProcessor } from './ingest/ingest.processor';
import { loggerOptions } from './logger';
import { NotifyProcessor } from './notify/notify.processor';
import { pipelineProviders } from './pipeline.providers';
import { RetentionProcessor } from './retention/retention.processor';
import { RollupProcessor } from './rollup/rollup.processor';

export interface WorkerModuleOptions {
  config: Config;
  databaseUrl: string;
  queue: QueueBackend;
}

/** The worker: an application context with no HTTP server, hosting the BullMQ processors. */
@Module({})
export class WorkerModule {
  static forRoot({ config, databaseUrl, queue }: WorkerModuleOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(config, 'worker')),
        DatabaseModule.forRoot({ url: databaseUrl, poolSize: config.DATABASE_POOL_SIZE, applicationName: 'resonance-worker' }),
        QueueModule.forRoot(queue),
      ],
      providers: [
        { provide: CONFIG, useValue: config },
        IngestProcessor,
        ...pipelineProviders(config),
        RollupProcessor,
        RetentionProcessor,
        NotifyProcessor,
        ClassifyProcessor,
        WorkerProbes,
        WorkerHealthServer,
      ],
    };
  }
}
