import type { DataSource } from 'typeorm';
import { MAX_REVIEWED_TEXTS, type ReviewedText } from '@resonance/classifier';
import { isIntent, SENTIMENT_BANDS, SENTIMENT_OF_BAND } from '@resonance/contracts';
import { sqlClient } from '@resonance/db';
import { reviewedTexts, reviewedTextsVersion } from './reviewed-texts.queries';

/** A workspace's reviewed texts and the version (newest correction ids) they were read at. */
export interface ReviewedTextsSnapshot {
  version: string;
  texts: ReviewedText[];
}

/** How often the classifier asks whether a workspace's agents corrected labels since it last read them. */
export const REVIEWED_TEXTS_REFRESH_MS = 10_000;

/**
 * Reads what a workspace's agents taught its classifier (the texts they corrected or confirmed
 * labels of, reviewed-texts.sql). The classifier thread holds them as the workspace's memory; this
 * is asked at most once per refresh interval per workspace, never per message.
 */
export class ReviewedTexts {
  constructor(private readonly dataSource: DataSource) {}

  /** The workspace's reviewed texts, or undefined when its corrections are still at `knownVersion`. */
  async ifChanged(workspaceId: string, knownVersion: string | undefined): Promise<ReviewedTextsSnapshot | undefined> {
    const [row] = await reviewedTextsVersion.run({ workspaceId }, sqlClient(this.dataSource));
    const version = row?.version ?? '0/0';
    if (version === knownVersion) return undefined;
    const rows = await reviewedTexts.run({ workspaceId, limit: MAX_REVIEWED_TEXTS }, sqlClient(this.dataSource));
    return {
      version,
      texts: rows.map((r) => {
        // Both are CHECK-constrained columns; anything else would be no label.
        const band = SENTIMENT_BANDS.find((b) => b === r.band);
        return { text: r.text, intent: isIntent(r.intent) ? r.intent : null, sentiment: band === undefined ? null : SENTIMENT_OF_BAND[band] };
      }),
    };
  }
}
