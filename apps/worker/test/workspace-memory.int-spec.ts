import { classify } from '@resonance/classifier';
import type { MessageRecord } from '@resonance/contracts';
import type { ChannelAccount } from '@resonance/db';
import { createTestDatabase, makeChannel, makeUser, makeWorkspace, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '../src';

/**
 * Corrections teach the workspace's model (issue 23): after agents corrected a few comments of one
 * kind, the next comment like them in that workspace is labelled as they said — by the worker's
 * classifier thread, from the workspace's memory it refreshes itself (not per message) — and the
 * same comment in another workspace keeps the model's label.
 */
describe('workspace memory of label corrections (ingest path)', () => {
  let db: TestDatabase;
  let taught: ChannelAccount;
  let other: ChannelAccount;
  let seq = 0;

  const comment = (text: string): MessageRecord => ({
    kind: 'message',
    network: 'facebook',
    externalId: `m${seq++}`,
    threadKey: `t${seq}`,
    channel: 'comment',
    postExternalId: 'post-1',
    author: { externalId: `fan${seq}`, name: 'Fan' },
    text,
    createdAt: new Date(Date.UTC(2026, 10, 2, 9, seq % 60)).toISOString(),
  });
  const label = async (channel: ChannelAccount, externalId: string) =>
    (
      await db.dataSource.query<Array<{ intent: string; sentiment: number }>>(
        `SELECT intent, sentiment FROM message WHERE channel_account_id = $1 AND external_id = $2`,
        [channel.id, externalId],
      )
    )[0];

  /** What the API's correction does to the tables (label-corrections.service.ts), for the comments with these texts. */
  async function correct(channel: ChannelAccount, userId: string, texts: string[], intent: string, band: 'negative' | 'neutral' | 'positive') {
    const rows = await db.dataSource.query<Array<{ id: string; intent: string; sentiment: number }>>(
      `SELECT id::text, intent, sentiment FROM message WHERE channel_account_id = $1 AND text = ANY($2::text[])`,
      [channel.id, texts],
    );
    for (const r of rows) {
      await db.dataSource.query(`INSERT INTO intent_correction (workspace_id, message_id, user_id, previous_intent, intent) VALUES ($1, $2, $3, $4, $5)`, [
        channel.workspaceId,
        r.id,
        userId,
        r.intent,
        intent,
      ]);
      await db.dataSource.query(
        `INSERT INTO sentiment_correction (workspace_id, message_id, user_id, previous_sentiment, sentiment) VALUES ($1, $2, $3, $4, $5)`,
        [channel.workspaceId, r.id, userId, r.sentiment, band],
      );
      await db.dataSource.query(`UPDATE message SET intent = $2, sentiment = $3 WHERE id = $1`, [
        r.id,
        intent,
        { negative: -1, neutral: 0, positive: 1 }[band],
      ]);
    }
    return rows.length;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const a = await makeWorkspace(db.dataSource);
    taught = await makeChannel(db.dataSource, a, { network: 'facebook' });
    other = await makeChannel(db.dataSource, await makeWorkspace(db.dataSource), { network: 'facebook' });
  });
  afterAll(() => db.drop());

  it('labels a new comment like the corrected ones as corrected in that workspace only; new corrections arrive after the refresh interval', async () => {
    // A fan chant the model reads as praise; this workspace's agents file it as other/spam, neutral.
    const corrected = ['Team Blau forever 💙', 'Team Blau für immer 💙💙', 'Team Blau forever!!'];
    const fresh = 'Team Blau forever und ewig 💙';
    expect(classify(fresh).intent).toBe('praise');
    expect(classify(fresh).sentiment).toBeGreaterThan(0.25);
    // Unrelated praise stays praise in the taught workspace too.
    const unrelated = 'Love the new blue shirts, great quality!';
    expect(classify(unrelated).intent).toBe('praise');

    const store = new IngestStore(db.dataSource, { reviewedTextsRefreshMs: 400 });
    try {
      await store.ingest(taught.id, corrected.map(comment));
      const agent = await makeUser(db.dataSource, { id: taught.workspaceId } as never, { role: 'agent' });
      expect(await correct(taught, agent.id, corrected, 'other_spam', 'neutral')).toBe(3);
      await new Promise((r) => setTimeout(r, 450));

      const inTaught = comment(fresh);
      const unrelatedComment = comment(unrelated);
      const inOther = comment(fresh);
      await store.ingest(taught.id, [inTaught, unrelatedComment]);
      await store.ingest(other.id, [inOther]);
      expect(store.classifierOnThread).toBe(true);
      const taughtLabel = await label(taught, inTaught.externalId);
      expect(taughtLabel.intent).toBe('other_spam');
      expect(Math.abs(taughtLabel.sentiment)).toBeLessThanOrEqual(0.25);
      expect((await label(taught, unrelatedComment.externalId)).intent).toBe('praise');
      expect(await label(other, inOther.externalId)).toEqual({ intent: classify(fresh).intent, sentiment: classify(fresh).sentiment });

      // The memory is refreshed per interval, not per message: a store that read it a moment ago
      // does not see a correction made now; one whose interval is over does.
      const question = ['Ist der Blau-Schal noch da?', 'Ist der Blau-Schal noch lieferbar?', 'Ist der Blau-Schal noch zu haben?'];
      const asked = 'Ist der Blau-Schal noch da oder ausverkauft?';
      const before = classify(asked);
      const target = before.intent === 'complaint_support' ? 'discount_request' : 'complaint_support';
      const cached = new IngestStore(db.dataSource, { reviewedTextsRefreshMs: 600_000 });
      try {
        await cached.ingest(taught.id, question.map(comment));
        await correct(taught, agent.id, question, target, 'negative');
        const soon = comment(asked);
        await cached.ingest(taught.id, [soon]);
        expect((await label(taught, soon.externalId)).intent).toBe(before.intent);
      } finally {
        await cached.close();
      }
      await new Promise((r) => setTimeout(r, 450));
      const later = comment(asked);
      await store.ingest(taught.id, [later]);
      const learnt = await label(taught, later.externalId);
      expect(learnt.intent).toBe(target);
      expect(learnt.sentiment).toBeLessThan(-0.25);
    } finally {
      await store.close();
    }
  });

  it('a sync run (prepare with the channel) is taught too, and the inline fallback after close() uses the same memory', async () => {
    const store = new IngestStore(db.dataSource, { reviewedTextsRefreshMs: 0 });
    const fresh = comment('Team Blau forever, wir sind die Besten 💙');
    const prepared = await store.prepare([fresh], taught.externalId, taught.id);
    await store.ingest(taught.id, prepared);
    expect((await label(taught, fresh.externalId)).intent).toBe('other_spam');
    await store.close();
    const afterClose = comment('Team Blau forever, wir sind die Besten 💙');
    await store.ingest(taught.id, [afterClose]);
    expect(store.classifierOnThread).toBe(false);
    expect((await label(taught, afterClose.externalId)).intent).toBe('other_spam');
    const elsewhere = comment('Team Blau forever, wir sind die Besten 💙');
    await store.ingest(other.id, [elsewhere]);
    expect((await label(other, elsewhere.externalId)).intent).toBe(classify(elsewhere.text).intent);
  });
});
