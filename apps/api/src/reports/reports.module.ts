import { Module } from '@nestjs/common';
import { ExportSlots } from './export-slots';
import { ExportsService } from './exports.service';
import { IntentCorrectionsService } from './intent-corrections.service';
import { PerceptionGapController } from './perception-gap.controller';
import { PerceptionGapRepository } from './perception-gap.repository';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';

/** Reports (issue 10): reads the rollups that apps/worker/src/rollup maintains. */
@Module({
  controllers: [ReportsController, PerceptionGapController],
  providers: [ExportSlots, ExportsService, IntentCorrectionsService, PerceptionGapRepository, ReportsRepository],
})
export class ReportsModule {}
