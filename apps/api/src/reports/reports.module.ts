import { Module } from '@nestjs/common';
import { MessagesModule } from '../messages/messages.module';
import { ExportSlots } from './export-slots';
import { ExportsService } from './exports.service';
import { LabelCorrectionsService } from './label-corrections.service';
import { PerceptionGapController } from './perception-gap.controller';
import { PerceptionGapRepository } from './perception-gap.repository';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';

/** Reports (issue 10): reads the rollups that apps/worker/src/rollup maintains; agents' label corrections. */
@Module({
  imports: [MessagesModule],
  controllers: [ReportsController, PerceptionGapController],
  providers: [ExportSlots, ExportsService, LabelCorrectionsService, PerceptionGapRepository, ReportsRepository],
})
export class ReportsModule {}
