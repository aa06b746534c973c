import { Module } from '@nestjs/common';
import { CONFIG, type Config } from '@resonance/config';
import { ConnectorRegistry, createConnectorRegistry } from '@resonance/connectors';
import { MessageActionsController } from './message-actions.controller';
import { MessageActionsService } from './message-actions.service';
import { MessagesController } from './messages.controller';

@Module({
  controllers: [MessagesController, MessageActionsController],
  providers: [MessageActionsService, { provide: ConnectorRegistry, useFactory: (config: Config) => createConnectorRegistry(config), inject: [CONFIG] }],
})
export class MessagesModule {}
