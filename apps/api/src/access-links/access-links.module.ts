import { Module } from '@nestjs/common';
import { AccessLinksController } from './access-links.controller';
import { AccessLinksService } from './access-links.service';

@Module({ controllers: [AccessLinksController], providers: [AccessLinksService], exports: [AccessLinksService] })
export class AccessLinksModule {}
