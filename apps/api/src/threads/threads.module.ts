import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ThreadsBulkService } from './threads-bulk.service';
import { ThreadsController } from './threads.controller';
import { ThreadsRepository } from './threads.repository';
import { ThreadsService } from './threads.service';

@Module({
  imports: [NotificationsModule],
  controllers: [ThreadsController],
  providers: [ThreadsService, ThreadsBulkService, ThreadsRepository],
  exports: [ThreadsService, ThreadsRepository],
})
export class ThreadsModule {}
