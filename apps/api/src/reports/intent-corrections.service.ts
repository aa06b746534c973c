import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isIntent, toIso, type Intent, type IntentCorrectionView } from '@resonance/contracts';
import { ReportsRepository } from './reports.repository';

/** An agent's correction of one inbound message's intent label, kept for the intents report. */
@Injectable()
export class IntentCorrectionsService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(ReportsRepository) private readonly reports: ReportsRepository,
  ) {}

  async correct(workspaceId: string, userId: string, messageId: string, intent: Intent): Promise<IntentCorrectionView> {
    return this.ds.transaction(async (tx) => {
      const message = await this.reports.lockInboundMessage(workspaceId, messageId, tx);
      if (!message) throw new NotFoundException('no such inbound message in this workspace');
      const correction = await this.reports.insertIntentCorrection({ workspaceId, messageId: message.id, userId, previousIntent: message.intent, intent }, tx);
      // The update marks the thread for the rollup job (message trigger), so reports follow.
      await this.reports.setMessageIntent(message.id, intent, tx);
      // Both labels are the message's intent column (CHECK: one of INTENTS); anything else is no label.
      return {
        id: correction.id,
        messageId: correction.messageId,
        previousIntent: isIntent(correction.previousIntent) ? correction.previousIntent : null,
        intent,
        createdAt: toIso(correction.createdAt),
      };
    });
  }
}
