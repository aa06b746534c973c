import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { LoggerModule } from 'nestjs-pino';
import { CONFIG, type Config } from '@resonance/config';
import { DatabaseModule } from '@resonance/db';
import { QueueModule, type QueueBackend } from '@resonance/queue';
import { HealthModule } from './health/health.module';
import { InboxApiModule } from './inbox-api.module';
import { MetricsModule } from './metrics/metrics.module';
import { apiLoggerOptions } from './logger';
import { PublicConfigModule } from './public-config/public-config.module';
import { QueueBoardModule } from './queue-board/queue-board.module';
import { ReportsModule } from './reports/reports.module';
import { SecurityModule } from './security/security.module';
import { WebhooksModule } from './webhooks/webhooks.module';

export interface ApiModuleOptions {
  config: Config;
  databaseUrl: string;
  queue: QueueBackend;
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
        DatabaseModule.forRoot({ url: databaseUrl, poolSize: config.DATABASE_POOL_SIZE, applicationName: 'resonance-api' }),
        QueueModule.forRoot(queue),
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
