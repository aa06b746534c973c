import { Module } from '@nestjs/common';
import { ExportSlots } from './export-slots';
import { ExportsService } from './exports.service';
import { IntentCorrectionsService } from './intent-corrections.service';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';

/** Reports (issue 10): reads the rollups that apps/worker/src/rollup maintains. */
@Module({ controllers: [ReportsController], providers: [ExportSlots, ExportsService, IntentCorrectionsService, ReportsRepository] })
export class ReportsModule {}
