import { Module } from '@nestjs/common';
import { ChannelsController } from './channels.controller';
import { ChannelsRepository } from './channels.repository';
import { ChannelsService } from './channels.service';
import { SyncNowService } from './sync-now.service';

@Module({ controllers: [ChannelsController], providers: [ChannelsService, ChannelsRepository, SyncNowService], exports: [ChannelsRepository] })
export class ChannelsModule {}
