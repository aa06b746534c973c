import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { LoggerModule } from 'nestjs-pino';
import { CONFIG, type Config } from '@resonance/config';
import { DatabaseModule, type ReadReplicaOptions } from '@resonance/db';
import { QueueModule, type QueueBackend } from '@resonance/queue';
import { HealthModule } from './health/health.module';
import { InboxApiModule } from './inbox-api.module';
import { MetricsModule } from './metrics/metrics.module';
import { apiLoggerOptions } from './logger';
import { PublicConfigModule } from './public-config/public-config.module';
import { ReadRoutingModule } from './read-routing/read-routing.module';
import { QueueBoardModule } from './queue-board/queue-board.module';
import { ReportsModule } from './reports/reports.module';
import { SecurityModule } from './security/security.module';
import { WebhooksModule } from './webhooks/webhooks.module';

export interface ApiModuleOptions {
  config: Config;
  databaseUrl: string;
  queue: QueueBackend;
}

/** The read router's settings when DATABASE_READ_URL is set (libs/db read-router.ts). */
function readReplicaOptions(config: Config): ReadReplicaOptions | undefined {
  if (!config.DATABASE_READ_URL) return undefined;
  const logger = new Logger('ReadRouter');
  return {
    url: config.DATABASE_READ_URL,
    maxLagMs: config.DATABASE_READ_MAX_LAG_MS,
    checkMs: config.DATABASE_READ_CHECK_MS,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'resonance-api-read',
    log: (line) => logger.log(line),
  };
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, queue }: ApiModuleOptions): DynamicModule {
    const webDist = resolve(config.WEB_DIST_DIR);
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot(apiLoggerOptions(config)),
        DatabaseModule.forRoot({
          url: databaseUrl,
          poolSize: config.DATABASE_POOL_SIZE,
          applicationName: 'resonance-api',
          readReplica: readReplicaOptions(config),
        }),
        QueueModule.forRoot(queue),
        ReadRoutingModule,
        HealthModule,
        MetricsModule,
        QueueBoardModule,
        PublicConfigModule,
        InboxApiModule,
        ReportsModule,
        WebhooksModule,
        SecurityModule,
        // The built dashboard, served at / on the API's port; /api stays the API's.
        ...(existsSync(webDist) ? [ServeStaticModule.forRoot({ rootPath: webDist, exclude: ['/api/{*path}'] })] : []),
      ],
      providers: [{ provide: CONFIG, useValue: config }],
      exports: [CONFIG],
    };
  }
}
