import { Module } from '@nestjs/common';
import { ThreadsController } from './threads.controller';
import { ThreadsRepository } from './threads.repository';
import { ThreadsService } from './threads.service';

@Module({ controllers: [ThreadsController], providers: [ThreadsService, ThreadsRepository], exports: [ThreadsService, ThreadsRepository] })
export class ThreadsModule {}
