import { Module } from '@nestjs/common';
import { CONFIG, type Config } from '@resonance/config';
import { ConnectorRegistry, createConnectorRegistry } from '@resonance/connectors';
import { MessageActionsController } from './message-actions.controller';
import { MessageActionsService } from './message-actions.service';
import { MessagesController } from './messages.controller';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';
import { PrivateReplyRepository } from './private-reply.repository';
import { PrivateReplyService } from './private-reply.service';

@Module({
  controllers: [MessagesController, MessageActionsController],
  providers: [
    MessagesService,
    MessagesRepository,
    MessageActionsService,
    PrivateReplyRepository,
    PrivateReplyService,
    { provide: ConnectorRegistry, useFactory: (config: Config) => createConnectorRegistry(config), inject: [CONFIG] },
  ],
  exports: [MessagesService, MessagesRepository, MessageActionsService],
})
export class MessagesModule {}
