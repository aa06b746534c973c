import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';

/** Reports (issue 10): reads the rollups that apps/worker/src/rollup maintains. */
@Module({ controllers: [ReportsController] })
export class ReportsModule {}
