import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource, type DataSourceOptions } from './data-source';
import { ReadRouter, type ReadReplicaOptions } from './read-router';

export interface DatabaseModuleOptions extends DataSourceOptions {
  /** DATABASE_READ_URL and its bounds: the ReadRouter then sends fresh-enough reads there (api only). */
  readReplica?: ReadReplicaOptions;
}

/**
 * Provides the initialized TypeORM DataSource to a NestJS app, and the ReadRouter over it (without
 * a replica it sends every read to that DataSource). (Not @nestjs/typeorm: that package is
 * ESM-only and would load TypeORM's ESM build beside our CommonJS one, two copies of the same
 * classes in one process.)
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ReadRouter) private readonly reads: ReadRouter,
  ) {}

  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => createDataSource(options).initialize(),
        },
        {
          provide: ReadRouter,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => {
            const router = new ReadRouter(dataSource, options.readReplica);
            router.start();
            return router;
          },
        },
      ],
      exports: [DataSource, ReadRouter],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reads.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
