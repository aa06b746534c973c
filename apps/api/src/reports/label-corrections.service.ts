import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  isIntent,
  SENTIMENT_BANDS,
  SENTIMENT_OF_BAND,
  sentimentBandOf,
  toIso,
  type Intent,
  type IntentCorrectionView,
  type SentimentBand,
  type SentimentCorrectionView,
} from '@resonance/contracts';
import { AuditService } from '../audit/audit.service';
import { oneOf } from '../common/narrow';
import { MessagesService } from '../messages/messages.service';
import { ReportsRepository } from './reports.repository';

/**
 * An agent's correction (or confirmation: the same label again) of one inbound message's intent or
 * sentiment. One transaction: the correction row (the reports' corrections and measured precision,
 * the worker's per-workspace memory read it), the audit event (who, what, from → to) and the
 * message's new label; updating the message marks its thread for the rollup job (message trigger),
 * so the reports count the new label from the next drain on.
 */
@Injectable()
export class LabelCorrectionsService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(ReportsRepository) private readonly reports: ReportsRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(MessagesService) private readonly messages: MessagesService,
  ) {}

  async correctIntent(workspaceId: string, userId: string, messageId: string, intent: Intent): Promise<IntentCorrectionView> {
    return this.ds.transaction(async (tx) => {
      const message = await this.reports.lockInboundMessage(workspaceId, messageId, tx);
      if (!message) throw new NotFoundException('no such inbound message in this workspace');
      // The message's intent column (CHECK: one of INTENTS); anything else is no label.
      const previousIntent = isIntent(message.intent) ? message.intent : null;
      const correction = await this.reports.insertIntentCorrection({ workspaceId, messageId: message.id, userId, previousIntent, intent }, tx);
      if (previousIntent !== intent) await this.reports.setMessageIntent(message.id, intent, tx);
      await this.audit.record(
        {
          workspaceId,
          actorUserId: userId,
          action: previousIntent === intent ? 'message.intent_confirm' : 'message.intent',
          targetType: 'message',
          targetId: message.id,
          data: { from: previousIntent, to: intent },
        },
        tx,
      );
      return {
        id: correction.id,
        messageId: correction.messageId,
        previousIntent,
        intent,
        createdAt: toIso(correction.createdAt),
        message: await this.messages.byId(workspaceId, message.id, tx),
      };
    });
  }

  async correctSentiment(workspaceId: string, userId: string, messageId: string, sentiment: SentimentBand): Promise<SentimentCorrectionView> {
    return this.ds.transaction(async (tx) => {
      const message = await this.reports.lockInboundMessage(workspaceId, messageId, tx);
      if (!message) throw new NotFoundException('no such inbound message in this workspace');
      const previousBand = message.sentiment === null ? null : sentimentBandOf(message.sentiment);
      const correction = await this.reports.insertSentimentCorrection(
        { workspaceId, messageId: message.id, userId, previousSentiment: message.sentiment, sentiment },
        tx,
      );
      // A confirmation keeps the model's score (its strength within the band still says something).
      if (previousBand !== sentiment) await this.reports.setMessageSentiment(message.id, SENTIMENT_OF_BAND[sentiment], tx);
      await this.audit.record(
        {
          workspaceId,
          actorUserId: userId,
          action: previousBand === sentiment ? 'message.sentiment_confirm' : 'message.sentiment',
          targetType: 'message',
          targetId: message.id,
          data: { from: previousBand, to: sentiment, fromScore: message.sentiment },
        },
        tx,
      );
      return {
        id: correction.id,
        messageId: correction.messageId,
        previousSentiment: correction.previousSentiment,
        sentiment: oneOf(SENTIMENT_BANDS, correction.sentiment, 'sentiment_correction.sentiment'),
        createdAt: toIso(correction.createdAt),
        message: await this.messages.byId(workspaceId, message.id, tx),
      };
    });
  }
}
