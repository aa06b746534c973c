import type { DataSource } from 'typeorm';
import type { MessageRecord, PostRecord } from '@resonance/contracts';
import type { ChannelAccount, User, Workspace } from '@resonance/db';
import { makeChannel, makeUser, makeWorkspace } from '@resonance/testing';
import { IngestStore, Rollups } from '@resonance/worker';

/** Berlin wall-clock time → ISO instant (November 2026: CET, UTC+1). */
export const berlin = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`).toISOString();

export const WEEKDAYS_8_TO_18 = Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [['08:00', '18:00']]]));

export interface Fixture {
  workspace: Workspace;
  channel: ChannelAccount;
  agent: User;
  analyst: User;
  admin: User;
}

/**
 * The small fixed data set whose numbers the tests compute by hand (times in Berlin, schedule
 * Mon–Fri 08:00–18:00, SLA target 60 minutes):
 *  A  Tue 3 Nov  09:00 comment, 09:30 answered natively on the network         first 1800 s, reply 1800 s
 *  B  Fri 6 Nov  17:00 comment, Mon 9 Nov 09:00 answered by the agent in Resonance
 *                                                    first/reply 230400 s calendar, 7200 s business
 *  C  Wed 4 Nov  10:00 comment, hidden 10:20 without a reply                  handled 1200 s
 *  D  Thu 5 Nov  10:00 comment, 10:10 answer, closed; 14:00 and 14:30 comments reopen it, 16:00 answer
 *                                                    first 600 s; replies 600 s and 7200 s
 */
export async function seedFixture(ds: DataSource): Promise<Fixture> {
  const workspace = await makeWorkspace(ds, {
    timezone: 'Europe/Berlin',
    businessHours: WEEKDAYS_8_TO_18 as never,
  });
  const channel = await makeChannel(ds, workspace, { network: 'facebook', followers: 2000 });
  const agent = await makeUser(ds, workspace, { role: 'agent' });
  const analyst = await makeUser(ds, workspace, { role: 'analyst' });
  const admin = await makeUser(ds, workspace, { role: 'admin' });
  const store = new IngestStore(ds);
  const post: PostRecord = {
    kind: 'post',
    network: 'facebook',
    externalId: 'post-1',
    text: 'Neue Kollektion: jetzt da!',
    publishedAt: berlin('2026-11-02', '12:00'),
    counts: { reactions: 100, comments: 6, shares: 10, views: 4000 },
  };
  const comment = (id: string, thread: string, at: string, text: string, author = 'lena'): MessageRecord => ({
    kind: 'message',
    network: 'facebook',
    externalId: id,
    threadKey: thread,
    channel: 'comment',
    postExternalId: 'post-1',
    author: { externalId: author, name: author },
    text,
    createdAt: at,
  });
  const native = (id: string, thread: string, at: string): MessageRecord => ({
    ...comment(id, thread, at, 'Danke für deine Nachricht!'),
    author: { externalId: channel.externalId, name: 'The Page' },
  });
  await store.ingest(channel.id, [
    post,
    comment('a1', 'A', berlin('2026-11-03', '09:00'), 'Gibt es einen Rabattcode für Neukunden?'),
    native('a2', 'A', berlin('2026-11-03', '09:30')),
    comment('b1', 'B', berlin('2026-11-06', '17:00'), 'Meine Bestellung ist seit zwei Wochen nicht angekommen!', 'max'),
    comment('c1', 'C', berlin('2026-11-04', '10:00'), 'Verdiene 5000 Euro im Monat, Link in Bio', 'spam'),
    comment('d1', 'D', berlin('2026-11-05', '10:00'), 'Wo kann ich das kaufen?'),
    native('d2', 'D', berlin('2026-11-05', '10:10')),
  ]);
  // B: the agent's reply sent from Resonance (no network id until sent; here: sent).
  await ds.query(
    `INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account, author_user_id, text, created_at, delivery)
     SELECT workspace_id, channel_account_id, id, 'b2', 'outbound', true, $2, 'Das tut uns leid, wir kümmern uns!', $3, 'sent'
       FROM thread WHERE channel_account_id = $1 AND thread_key = 'B'`,
    [channel.id, agent.id, berlin('2026-11-09', '09:00')],
  );
  // C: hidden by the agent 20 minutes later.
  await ds.query(`UPDATE message SET hidden = true, handled_at = $2, handled_by = $3 WHERE channel_account_id = $1 AND external_id = 'c1'`, [
    channel.id,
    berlin('2026-11-04', '10:20'),
    agent.id,
  ]);
  // D: closed after the first answer, reopened by new comments.
  await ds.query(`UPDATE thread SET status = 'closed' WHERE channel_account_id = $1 AND thread_key = 'D'`, [channel.id]);
  await store.ingest(channel.id, [
    comment('d3', 'D', berlin('2026-11-05', '14:00'), 'Ist das auch in Schwarz verfügbar?'),
    comment('d4', 'D', berlin('2026-11-05', '14:30'), 'Super Produkt übrigens, bin total begeistert!'),
  ]);
  await store.ingest(channel.id, [native('d5', 'D', berlin('2026-11-05', '16:00'))]);
  await new Rollups(ds).drainAll();
  return { workspace, channel, agent, analyst, admin };
}
