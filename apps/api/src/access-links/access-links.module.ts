import { Module } from '@nestjs/common';
import { AccessLinkRepository } from './access-link.repository';
import { AccessLinksController } from './access-links.controller';
import { AccessLinksService } from './access-links.service';

@Module({ controllers: [AccessLinksController], providers: [AccessLinksService, AccessLinkRepository], exports: [AccessLinksService] })
export class AccessLinksModule {}
