import type { MessageRecord } from '@resonance/contracts';
import type { ChannelAccount, Workspace } from '@resonance/db';
import { createTestDatabase, makeChannel, makeWorkspace, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '../src';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();
const CAMPAIGN = 'Follow my channel for the best daily trading tips!!';

/**
 * The spam/abuse signal as the ingest stores it (docs/moderation.md): reasons of the text and its
 * label from memory, repeated_text from the other threads of the workspace — stored before, in the
 * same page, and on another channel of the same workspace, but not of another workspace.
 */
describe('spam reasons at ingest', () => {
  let db: TestDatabase;
  let store: IngestStore;
  let workspace: Workspace;
  let channel: ChannelAccount;

  const msg = (id: string, thread: string, minute: number, text: string, values: Partial<MessageRecord> = {}): MessageRecord => ({
    kind: 'message',
    network: 'facebook',
    externalId: id,
    threadKey: thread,
    channel: 'comment',
    postExternalId: 'post-1',
    author: { externalId: `customer-${thread}`, name: 'Someone' },
    text,
    createdAt: at(minute),
    ...values,
  });
  const reasons = async (ch: ChannelAccount): Promise<Record<string, string[]>> => {
    const rows = await db.dataSource.query<Array<{ external_id: string; spam_reasons: string[] }>>(
      `SELECT external_id, spam_reasons FROM message WHERE channel_account_id = $1 ORDER BY external_id`,
      [ch.id],
    );
    return Object.fromEntries(rows.map((r) => [r.external_id, r.spam_reasons]));
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    // Own domains are read at most every 10 s per workspace: each test gets a fresh workspace.
    store = new IngestStore(db.dataSource);
  });
  beforeEach(async () => {
    workspace = await makeWorkspace(db.dataSource);
    await db.dataSource.query(`UPDATE workspace SET own_domains = '{acme.de}' WHERE id = $1`, [workspace.id]);
    channel = await makeChannel(db.dataSource, workspace);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('stores the reasons of text and label; the account’s own messages and plain questions get none', async () => {
    await store.ingest(channel.id, [
      msg('link-own', 'A', 1, 'Steht unter https://www.acme.de/faq, danke'),
      msg('link-other', 'B', 2, 'Cheap copies at https://knockoffs.example/shop'),
      msg('scam', 'C', 3, 'Congratulations! You have been selected, DM me to claim your prize'),
      msg('abuse', 'D', 4, 'Ihr seid doch alle Vollidioten… nein: ihr Arschlöcher'),
      msg('question', 'E', 5, 'Wann kommt die Lieferung?'),
      msg('own', 'E', 6, 'Visit https://knockoffs.example, you idiot', { author: { externalId: channel.externalId }, isFromAccount: true }),
    ]);
    expect(await reasons(channel)).toEqual({
      'link-own': [],
      // the real classifier also reads this one as spam, sure enough
      'link-other': ['link_unknown_domain', 'classifier_spam'],
      scam: ['scam_phrase'],
      abuse: ['abuse'],
      question: [],
      own: [],
    });
  });

  it('marks repeated texts across threads: stored earlier, in the same page, on another channel of the workspace; not of another workspace', async () => {
    const other = await makeChannel(db.dataSource, workspace);
    const stranger = await makeChannel(db.dataSource, await makeWorkspace(db.dataSource));
    await store.ingest(stranger.id, [msg('s1', 'S', 0, CAMPAIGN)]);
    await store.ingest(channel.id, [msg('first', 'A', 1, CAMPAIGN), msg('same-thread', 'A', 2, CAMPAIGN.toUpperCase())]);
    // A later page: a copy (spacing and punctuation differ) in another thread, and two copies within the page.
    await store.ingest(channel.id, [
      msg('later', 'B', 3, ` follow my channel, for the best daily trading tips `),
      msg('p1', 'C', 4, CAMPAIGN),
      msg('p2', 'D', 5, CAMPAIGN),
    ]);
    await store.ingest(other.id, [msg('elsewhere', 'X', 6, CAMPAIGN)]);
    const repeated = async (ch: ChannelAccount) => Object.fromEntries(Object.entries(await reasons(ch)).map(([id, r]) => [id, r.includes('repeated_text')]));
    expect(await repeated(stranger)).toEqual({ s1: false });
    expect(await repeated(channel)).toEqual({ first: false, 'same-thread': false, later: true, p1: true, p2: true });
    expect(await repeated(other)).toEqual({ elsewhere: true });
    // Short texts repeat without being spam, and so do customers' sentences that send nobody anywhere.
    await store.ingest(channel.id, [msg('t1', 'E', 7, 'Thanks!'), msg('t2', 'F', 8, 'Thanks!')]);
    await store.ingest(channel.id, [msg('q1', 'G', 9, 'Is this still available in black?'), msg('q2', 'H', 10, 'Is this still available in black?')]);
    await store.ingest(channel.id, [msg('q3', 'I', 11, 'Is this still available in black?')]);
    expect(await repeated(channel)).toMatchObject({ t2: false, q2: false, q3: false });
  });

  it('recomputes the reasons when the text is edited; a page stored twice changes nothing', async () => {
    await store.ingest(channel.id, [msg('m', 'A', 1, 'Great video')]);
    const edited = msg('m', 'A', 1, 'Great video, now go to bit.ly/free-stuff');
    await store.ingest(channel.id, [edited]);
    expect((await reasons(channel)).m).toEqual(['link_unknown_domain']);
    const again = await store.ingest(channel.id, [edited]);
    expect(again).toMatchObject({ messagesInserted: 0, messagesUpdated: 0 });
  });

  it('stores a held comment hidden and held; seen published later, it is neither', async () => {
    await store.ingest(channel.id, [msg('h', 'H', 1, 'Please review me', { heldForReview: true })]);
    const row = () =>
      db.dataSource.query<Array<{ hidden: boolean; held_for_review: boolean }>>(`SELECT hidden, held_for_review FROM message WHERE external_id = 'h'`);
    expect(await row()).toEqual([{ hidden: true, held_for_review: true }]);
    await store.ingest(channel.id, [msg('h', 'H', 1, 'Please review me', { heldForReview: true })]);
    expect(await row()).toEqual([{ hidden: true, held_for_review: true }]);
    await store.ingest(channel.id, [msg('h', 'H', 1, 'Please review me')]);
    expect(await row()).toEqual([{ hidden: false, held_for_review: false }]);
  });
});
