import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toIso, type Intent, type IntentCorrectionView } from '@resonance/contracts';

/** An intent_correction row as the driver gives it (created_at as a Date). */
interface IntentCorrectionRow extends Omit<IntentCorrectionView, 'createdAt'> {
  createdAt: Date;
}

/** An agent's correction of one inbound message's intent label, kept for the intents report. */
@Injectable()
export class IntentCorrectionsService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async correct(workspaceId: string, userId: string, messageId: string, intent: Intent): Promise<IntentCorrectionView> {
    return this.ds.transaction(async (tx) => {
      const [message] = (await tx.query(
        `SELECT id, intent FROM message WHERE id = $1 AND workspace_id = $2 AND NOT is_from_account FOR UPDATE`,
        [messageId, workspaceId],
      )) as Array<{ id: string; intent: Intent | null }>;
      if (!message) throw new NotFoundException('no such inbound message in this workspace');
      const [correction] = (await tx.query(
        `INSERT INTO intent_correction (workspace_id, message_id, user_id, previous_intent, intent)
         VALUES ($1, $2, $3, $4, $5) RETURNING id::text, message_id::text AS "messageId", previous_intent AS "previousIntent", intent, created_at AS "createdAt"`,
        [workspaceId, message.id, userId, message.intent, intent],
      )) as IntentCorrectionRow[];
      // The update marks the thread for the rollup job (message trigger), so reports follow.
      await tx.query(`UPDATE message SET intent = $2 WHERE id = $1`, [message.id, intent]);
      return { ...correction, createdAt: toIso(correction.createdAt) };
    });
  }
}
