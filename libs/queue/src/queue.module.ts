import { BullModule } from '@nestjs/bullmq';
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { QueueBackend } from './backend';
import { QUEUE_NAMES } from './names';
import { DEFAULT_JOB_OPTIONS } from './options';

export const QUEUE_BACKEND = Symbol('resonance.queue-backend');

/**
 * Registers the four queues on the chosen backend. @nestjs/bullmq builds queues and workers with
 * the classes set here, so both the Redis and the PostgreSQL backend go through one path.
 */
@Global()
@Module({})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(QUEUE_BACKEND) private readonly backend: QueueBackend) {}

  /** After the queues and workers have closed (they close on module destroy): the backend's own client. */
  async onApplicationShutdown(): Promise<void> {
    await this.backend.close();
  }

  static forRoot(backend: QueueBackend): DynamicModule {
    BullModule.queueClass = backend.Queue;
    BullModule.workerClass = backend.Worker;
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({
          connection: backend.connection as never,
          prefix: backend.prefix,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
        BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name }))),
      ],
      providers: [{ provide: QUEUE_BACKEND, useValue: backend }],
      exports: [BullModule, QUEUE_BACKEND],
    };
  }
}
