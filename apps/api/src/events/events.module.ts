import { Global, Module } from '@nestjs/common';
import { DbChanges } from './db-changes';
import { EventBus } from './event-bus';
import { EventsController } from './events.controller';
import { SessionStreams } from './session-streams';

@Global()
@Module({ controllers: [EventsController], providers: [EventBus, DbChanges, SessionStreams], exports: [EventBus] })
export class EventsModule {}
