import { Global, Module } from '@nestjs/common';
import { DbChanges } from './db-changes';
import { EventBus } from './event-bus';
import { EventsController } from './events.controller';

@Global()
@Module({ controllers: [EventsController], providers: [EventBus, DbChanges], exports: [EventBus] })
export class EventsModule {}
