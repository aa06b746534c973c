import { Module } from '@nestjs/common';
import { SlaController } from './sla.controller';
import { SlaRepository } from './sla.repository';
import { SlaService } from './sla.service';

@Module({ controllers: [SlaController], providers: [SlaService, SlaRepository], exports: [SlaRepository] })
export class SlaModule {}
