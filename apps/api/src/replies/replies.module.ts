import { Module } from '@nestjs/common';
import { MessagesModule } from '../messages/messages.module';
import { RepliesController } from './replies.controller';
import { RepliesRepository } from './replies.repository';
import { RepliesService } from './replies.service';

@Module({ imports: [MessagesModule], controllers: [RepliesController], providers: [RepliesService, RepliesRepository], exports: [RepliesService] })
export class RepliesModule {}
