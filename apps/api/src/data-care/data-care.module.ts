import { Module } from '@nestjs/common';
import { DataCareController } from './data-care.controller';
import { DataCareRepository } from './data-care.repository';
import { DataCareService } from './data-care.service';

@Module({ controllers: [DataCareController], providers: [DataCareService, DataCareRepository] })
export class DataCareModule {}
