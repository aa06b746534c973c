import type { DataSource } from 'typeorm';
import { detectLanguage } from '@resonance/classifier';
import { sqlClient } from '@resonance/db';
import { ExternalClassifierFailure, type ExternalClassifier } from './external-classifier';
import { advanceCursor, applyExternalLabels, lockCursor, messagesAfter, startCursor } from './relabel.queries';

/**
 * How long a stored message waits before the relabelling reads it: an ingest transaction that was
 * still open could commit lower ids later, and the cursor must not pass them (an ingest batch
 * commits within about a second; a message it passed anyway keeps its built-in labels).
 */
export const SETTLE_MS = 3_000;

export interface RelabelOptions {
  batch: number;
  /** Messages stored longer ago than this keep the built-in labels: the endpoint fell behind. */
  maxLagMs: number;
  /** Batches one run works through at most before it leaves the rest to the next run. */
  maxBatches?: number;
}

export interface RelabelResult {
  /** Inbound messages the endpoint labelled. */
  relabelled: number;
  /** Inbound messages that kept the built-in labels (no answer, a bad answer, too late, reviewed by an agent). */
  keptBuiltin: number;
  failedBatches: number;
  /** Why the last failed batch failed (for the log). */
  lastFailure?: string;
  /** Another worker's run held the cursor. */
  busy?: true;
}

/**
 * Hands the inbound messages stored since the last run to the external classifier, batch by batch,
 * and writes its labels over the built-in ones (message.label_source = 'external'). Ingest never
 * waits for this: every message is stored with the built-in labels first, the endpoint's labels
 * follow within a few seconds, and the message trigger marks the thread for the rollups, so the
 * reports follow too. A batch the endpoint does not answer in time, or answers badly, keeps the
 * built-in labels and the cursor moves on all the same: a slow or broken endpoint never holds
 * anything up. Messages an agent reviewed keep the agent's labels.
 */
export async function relabelNewMessages(dataSource: DataSource, classifier: ExternalClassifier, options: RelabelOptions): Promise<RelabelResult> {
  const result: RelabelResult = { relabelled: 0, keptBuiltin: 0, failedBatches: 0 };
  await startCursor.run(undefined, sqlClient(dataSource));
  for (let round = 0; round < (options.maxBatches ?? 20); round++) {
    const more = await dataSource.transaction(async (tx) => {
      const db = sqlClient(tx);
      const [cursor] = await lockCursor.run(undefined, db);
      if (!cursor) {
        result.busy = true;
        return false;
      }
      const rows = await messagesAfter.run({ afterId: cursor.lastMessageId, limit: options.batch, settleMs: SETTLE_MS, maxLagMs: options.maxLagMs }, db);
      if (!rows.length) return false;
      const wanted = rows.filter((r) => r.inbound && !r.late);
      const late = rows.filter((r) => r.inbound && r.late).length;
      let relabelled = 0;
      let failed = 0;
      if (wanted.length) {
        try {
          const labels = await classifier.label(wanted.map((r) => ({ id: r.id, text: r.text, language: detectLanguage(r.text) })));
          const applied = await applyExternalLabels.run(
            { labels: JSON.stringify([...labels].map(([id, l]) => ({ id, intent: l.intent, sentiment: l.sentiment ?? null }))) },
            db,
          );
          relabelled = applied.length;
        } catch (error) {
          if (!(error instanceof ExternalClassifierFailure)) throw error;
          failed = 1;
          result.lastFailure = error.message;
        }
      }
      const keptBuiltin = wanted.length - relabelled + late;
      await advanceCursor.run({ lastMessageId: rows[rows.length - 1].id, relabelled, keptBuiltin, failedBatches: failed }, db);
      result.relabelled += relabelled;
      result.keptBuiltin += keptBuiltin;
      result.failedBatches += failed;
      return rows.length === options.batch;
    });
    if (!more) break;
  }
  return result;
}
