import { Module } from '@nestjs/common';
import { DataCareController } from './data-care.controller';
import { DataCareService } from './data-care.service';

@Module({ controllers: [DataCareController], providers: [DataCareService] })
export class DataCareModule {}
