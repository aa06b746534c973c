import { Module } from '@nestjs/common';
import { DataCareController } from './data-care.controller';

@Module({ controllers: [DataCareController] })
export class DataCareModule {}
