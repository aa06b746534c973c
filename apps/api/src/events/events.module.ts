import { Global, Module } from '@nestjs/common';
import { MessagesModule } from '../messages/messages.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ThreadsModule } from '../threads/threads.module';
import { DbChanges } from './db-changes';
import { EventBus } from './event-bus';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { SessionStreams } from './session-streams';

@Global()
@Module({
  imports: [ThreadsModule, MessagesModule, NotificationsModule],
  controllers: [EventsController],
  providers: [EventBus, DbChanges, SessionStreams, EventsRepository],
  exports: [EventBus],
})
export class EventsModule {}
