import type { MessageRecord, PostRecord } from '@resonance/contracts';
import { Contact, Message, Post, Thread, type ChannelAccount } from '@resonance/db';
import { createTestDatabase, makeChannel, makeWorkspace, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '../src';
import { recomputeThreadTimers } from '../src/ingest/ingest-store';
import { advanceThreads } from '../src/ingest/thread-timers';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();

describe('IngestStore', () => {
  let db: TestDatabase;
  let store: IngestStore;
  let channel: ChannelAccount;

  const msg = (id: string, minute: number, values: Partial<MessageRecord> = {}): MessageRecord => ({
    kind: 'message',
    network: 'facebook',
    externalId: id,
    threadKey: 'thread-A',
    channel: 'comment',
    postExternalId: 'post-1',
    author: { externalId: 'customer-1', name: 'Lena', handle: 'lena' },
    text: `text ${id}`,
    createdAt: at(minute),
    ...values,
  });
  const fromPage = (id: string, minute: number, values: Partial<MessageRecord> = {}) =>
    msg(id, minute, { author: { externalId: channel.externalId, name: 'The Page' }, ...values });
  const thread = (key = 'thread-A') => db.dataSource.getRepository(Thread).findOneByOrFail({ channelAccountId: channel.id, threadKey: key });

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new IngestStore(db.dataSource);
  });
  beforeEach(async () => {
    channel = await makeChannel(db.dataSource, await makeWorkspace(db.dataSource));
  });
  afterAll(() => db.drop());

  it('creates post, contact, thread and messages from one page, linked together', async () => {
    const post: PostRecord = {
      kind: 'post',
      network: 'facebook',
      externalId: 'post-1',
      text: 'Neue Kollektion',
      publishedAt: at(0),
      counts: { reactions: 5, comments: 2 },
    };
    const result = await store.ingest(channel.id, [post, msg('c1', 1), msg('c2', 2, { parentExternalId: 'c1' })]);
    expect(result).toEqual({ posts: 1, messagesInserted: 2, messagesUpdated: 0, threadsTouched: 1 });

    const storedPost = await db.dataSource.getRepository(Post).findOneByOrFail({ channelAccountId: channel.id });
    const contact = await db.dataSource.getRepository(Contact).findOneByOrFail({ channelAccountId: channel.id });
    const t = await thread();
    expect(contact).toMatchObject({ externalId: 'customer-1', name: 'Lena', handle: 'lena' });
    expect(t).toMatchObject({
      postId: storedPost.id,
      contactId: contact.id,
      network: 'facebook',
      channel: 'comment',
      messageCount: 2,
      unreadCount: 2,
      status: 'open',
    });
    const messages = await db.dataSource.getRepository(Message).find({ where: { threadId: t.id }, order: { createdAt: 'ASC' } });
    expect(messages.map((m) => [m.externalId, m.direction, m.authorContactId, m.parentExternalId])).toEqual([
      ['c1', 'inbound', contact.id, null],
      ['c2', 'inbound', contact.id, 'c1'],
    ]);
    expect(storedPost.reactionsCount).toBe(5);
  });

  it('is idempotent: the same page twice stores nothing twice and leaves the unread count alone', async () => {
    await store.ingest(channel.id, [msg('c1', 1), msg('c2', 2)]);
    const again = await store.ingest(channel.id, [msg('c1', 1), msg('c2', 2), msg('c2', 2)]);
    expect(again.messagesInserted).toBe(0);
    expect(await db.dataSource.getRepository(Message).countBy({ channelAccountId: channel.id })).toBe(2);
    expect((await thread()).unreadCount).toBe(2);
  });

  it('counts a reply the page wrote natively on the network as the response', async () => {
    await store.ingest(channel.id, [msg('c1', 1), msg('c2', 4)]);
    expect((await thread()).waitingSince?.toISOString()).toBe(at(1));

    await store.ingest(channel.id, [fromPage('r1', 10, { parentExternalId: 'c1' })]);
    const t = await thread();
    expect(t.firstInboundAt?.toISOString()).toBe(at(1));
    expect(t.firstResponseAt?.toISOString()).toBe(at(10));
    expect(t.waitingSince).toBeNull();
    const reply = await db.dataSource.getRepository(Message).findOneByOrFail({ externalId: 'r1' });
    expect(reply).toMatchObject({ direction: 'outbound', isFromAccount: true, delivery: 'sent', authorContactId: null });
  });

  it('keeps timers right when messages arrive out of order', async () => {
    // The page's answer arrives before the comment it answers (webhook before poll).
    await store.ingest(channel.id, [fromPage('r1', 10)]);
    await store.ingest(channel.id, [msg('c2', 12)]);
    await store.ingest(channel.id, [msg('c1', 5)]);
    const t = await thread();
    expect(t.firstInboundAt?.toISOString()).toBe(at(5));
    expect(t.firstResponseAt?.toISOString()).toBe(at(10));
    // c2 came after the answer: the customer is waiting again since c2.
    expect(t.waitingSince?.toISOString()).toBe(at(12));
    expect(t.lastMessageAt.toISOString()).toBe(at(12));
    expect(t.lastMessagePreview).toBe('text c2');
  });

  it('reopens a closed thread when a new inbound message arrives, not when an old one is re-read', async () => {
    await store.ingest(channel.id, [msg('c1', 1)]);
    await db.dataSource.getRepository(Thread).update({ channelAccountId: channel.id }, { status: 'closed' });
    await store.ingest(channel.id, [msg('c1', 1)]);
    expect((await thread()).status).toBe('closed');
    await store.ingest(channel.id, [msg('c3', 30)]);
    expect((await thread()).status).toBe('open');
  });

  it('updates an edited message text without counting it as new', async () => {
    await store.ingest(channel.id, [msg('c1', 1)]);
    const result = await store.ingest(channel.id, [msg('c1', 1, { text: 'edited' })]);
    expect(result).toMatchObject({ messagesInserted: 0, messagesUpdated: 1 });
    expect((await db.dataSource.getRepository(Message).findOneByOrFail({ externalId: 'c1', channelAccountId: channel.id })).text).toBe('edited');
  });

  it('stores concurrent pages of the same thread without losing a message or a count', async () => {
    const pages = Array.from({ length: 8 }, (_, p) => Array.from({ length: 25 }, (_, i) => msg(`p${p}-${i}`, p * 25 + i)));
    await Promise.all(pages.map((page) => store.ingest(channel.id, page)));
    const t = await thread();
    expect(t.messageCount).toBe(200);
    expect(t.unreadCount).toBe(200);
    expect(await db.dataSource.getRepository(Message).countBy({ threadId: t.id })).toBe(200);
  });

  it('makes a second writer of a thread wait for the first to commit; the timers count both', async () => {
    await store.ingest(channel.id, [msg('c1', 1)]);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    // A holds its transaction open after writing c2 (a sync run saves its cursor there).
    const first = store.ingest(channel.id, [msg('c2', 2)], { inTransaction: () => gate });
    await new Promise((r) => setTimeout(r, 200));
    let secondDone = false;
    const second = store.ingest(channel.id, [fromPage('r1', 3)]).then(() => (secondDone = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(secondDone).toBe(false);
    release();
    await Promise.all([first, second]);
    const t = await thread();
    expect(t).toMatchObject({ messageCount: 3, unreadCount: 2, waitingSince: null });
    expect(t.lastMessageAt.toISOString()).toBe(at(3));
  });

  it('clears the references to a deleted contact or post, as ON DELETE SET NULL did (migration 1733400000000)', async () => {
    const post: PostRecord = { kind: 'post', network: 'facebook', externalId: 'post-1', text: 'Neu', publishedAt: at(0) };
    await store.ingest(channel.id, [post, msg('c1', 1), msg('c2', 2, { threadKey: 'thread-B', author: { externalId: 'customer-2', name: 'Max' } })]);
    const lena = await db.dataSource.getRepository(Contact).findOneByOrFail({ channelAccountId: channel.id, externalId: 'customer-1' });
    expect((await thread()).contactId).toBe(lena.id);
    await db.dataSource.query(`DELETE FROM contact WHERE id = $1`, [lena.id]);
    const messages = await db.dataSource.getRepository(Message).find({ where: { channelAccountId: channel.id }, order: { externalId: 'ASC' } });
    expect(messages.map((m) => [m.externalId, m.authorContactId === null])).toEqual([
      ['c1', true],
      ['c2', false],
    ]);
    expect((await thread()).contactId).toBeNull();
    expect((await thread('thread-B')).contactId).not.toBeNull();

    await db.dataSource.query(`DELETE FROM post WHERE channel_account_id = $1`, [channel.id]);
    expect([(await thread()).postId, (await thread('thread-B')).postId]).toEqual([null, null]);
  });

  it('writes a new thread once, with the timers and counts a recomputation from its messages gives', async () => {
    // Out of order within the page: answered, asked again, answered, asked again.
    await store.ingest(channel.id, [msg('c3', 20), fromPage('r1', 5), msg('c1', 2), msg('c2', 8), fromPage('r2', 12), fromPage('r0', 1)]);
    const written = await thread();
    expect(written).toMatchObject({ messageCount: 6, unreadCount: 3, status: 'open', lastMessagePreview: 'text c3' });
    expect(written.firstInboundAt?.toISOString()).toBe(at(2));
    expect(written.lastInboundAt?.toISOString()).toBe(at(20));
    expect(written.firstResponseAt?.toISOString()).toBe(at(5));
    expect(written.waitingSince?.toISOString()).toBe(at(20));
    expect(written.lastMessageAt.toISOString()).toBe(at(20));
    expect(written.contactId).not.toBeNull();

    await db.dataSource.transaction((tx) => recomputeThreadTimers(tx, [written.id]));
    expect(timersOf(await thread())).toEqual(timersOf(written));
  });

  const timersOf = (t: Thread) => [
    t.firstInboundAt,
    t.lastInboundAt,
    t.firstResponseAt,
    t.waitingSince,
    t.lastMessageAt,
    t.messageCount,
    t.unreadCount,
    t.lastMessagePreview,
    t.status,
  ];
  /** The thread's stored timers, and what a recomputation from its messages makes of them. */
  const storedAndRecomputed = async (key = 'thread-A') => {
    const stored = await thread(key);
    await db.dataSource.transaction((tx) => recomputeThreadTimers(tx, [stored.id]));
    return [timersOf(stored), timersOf(await thread(key))];
  };

  it('advances a thread that existed by its newer messages, with the timers a recomputation gives', async () => {
    await store.ingest(channel.id, [msg('c1', 1), msg('c2', 4)]);
    await store.ingest(channel.id, [fromPage('r1', 10)]);
    let [stored, recomputed] = await storedAndRecomputed();
    expect(stored).toEqual(recomputed);
    expect((await thread()).waitingSince).toBeNull();

    await db.dataSource.getRepository(Thread).update({ channelAccountId: channel.id }, { status: 'closed' });
    await store.ingest(channel.id, [msg('c3', 12), msg('c4', 15)]);
    [stored, recomputed] = await storedAndRecomputed();
    expect(stored).toEqual(recomputed);
    expect(await thread()).toMatchObject({ status: 'open', messageCount: 5, unreadCount: 4, lastMessagePreview: 'text c4' });
    expect((await thread()).waitingSince?.toISOString()).toBe(at(12));

    // An answer and a new question in one page: waiting restarts at the question after the answer.
    await store.ingest(channel.id, [msg('c5', 25), fromPage('r2', 20)]);
    [stored, recomputed] = await storedAndRecomputed();
    expect(stored).toEqual(recomputed);
    expect((await thread()).waitingSince?.toISOString()).toBe(at(25));

    // A thread the page started: its first response comes after the first customer message.
    await store.ingest(channel.id, [fromPage('p1', 1, { threadKey: 'thread-P' })]);
    await store.ingest(channel.id, [
      fromPage('p2', 3, { threadKey: 'thread-P' }),
      msg('q1', 5, { threadKey: 'thread-P' }),
      fromPage('p3', 7, { threadKey: 'thread-P' }),
    ]);
    [stored, recomputed] = await storedAndRecomputed('thread-P');
    expect(stored).toEqual(recomputed);
    expect((await thread('thread-P')).firstResponseAt?.toISOString()).toBe(at(7));
  });

  it('advances a thread only while its last message is older than every new one (checked in the UPDATE)', async () => {
    await store.ingest(channel.id, [msg('c1', 1), msg('c2', 10)]);
    const { id } = await thread();
    const advance = (minute: number) => ({
      id,
      minAt: at(minute),
      maxAt: at(minute),
      minIn: at(minute),
      maxIn: at(minute),
      minOut: null,
      maxOut: null,
      minOutAfterMinIn: null,
      minInAfterMaxOut: null,
      count: 1,
      inbound: 1,
      preview: 'x',
    });
    const before = await thread();
    expect(await db.dataSource.transaction((tx) => advanceThreads(tx, [advance(10)]))).toEqual(new Set());
    expect(await db.dataSource.transaction((tx) => advanceThreads(tx, [advance(5)]))).toEqual(new Set());
    expect(timersOf(await thread())).toEqual(timersOf(before));
    expect(await db.dataSource.transaction((tx) => advanceThreads(tx, [advance(11)]))).toEqual(new Set([id]));
    expect(await thread()).toMatchObject({ messageCount: 3, unreadCount: 3, lastMessagePreview: 'x' });
  });

  it('leaves every thread with the timers a recomputation gives, whatever the order pages bring messages in', async () => {
    // Seeded pseudo-random pages: five threads, customers and page answers, times that mostly
    // move forward (advanced) and sometimes land before what is stored (recomputed), repeats.
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    let clock = 0;
    const sent: MessageRecord[] = [];
    for (let page = 0; page < 40; page++) {
      const records: MessageRecord[] = [];
      for (let i = Math.floor(random() * 6) + 1; i > 0; i--) {
        if (sent.length && random() < 0.1) {
          records.push(sent[Math.floor(random() * sent.length)]);
          continue;
        }
        clock += Math.floor(random() * 3);
        const minute = random() < 0.2 ? Math.max(0, clock - Math.floor(random() * 20)) : clock;
        const key = `thread-${Math.floor(random() * 5)}`;
        const id = `m${page}-${i}`;
        const record = random() < 0.35 ? fromPage(id, minute, { threadKey: key }) : msg(id, minute, { threadKey: key });
        records.push(record);
        sent.push(record);
      }
      await store.ingest(channel.id, records);
    }
    for (let k = 0; k < 5; k++) {
      const [stored, recomputed] = await storedAndRecomputed(`thread-${k}`);
      expect({ thread: k, timers: stored }).toEqual({ thread: k, timers: recomputed });
    }
  });

  it('recomputes a new thread when one of its messages was already stored under another thread', async () => {
    await store.ingest(channel.id, [msg('c1', 1)]);
    await store.ingest(channel.id, [msg('c1', 1, { threadKey: 'thread-B' }), msg('c9', 3, { threadKey: 'thread-B' })]);
    const b = await thread('thread-B');
    expect(b).toMatchObject({ messageCount: 1, unreadCount: 1, lastMessagePreview: 'text c9' });
    expect(b.firstInboundAt?.toISOString()).toBe(at(3));
    expect((await thread('thread-A')).messageCount).toBe(1);
  });

  it('writes a large batch with parallel writers by thread, with the timers and counts of one transaction', async () => {
    // 80 threads of 4: customer, page answer, customer again, another customer — 320 messages.
    const batch = Array.from({ length: 80 }, (_, t) => [
      msg(`t${t}-a`, 1, { threadKey: `T${t}`, author: { externalId: `cust-${t % 7}`, name: `C${t % 7}` } }),
      fromPage(`t${t}-b`, 3, { threadKey: `T${t}` }),
      msg(`t${t}-c`, 5, { threadKey: `T${t}`, author: { externalId: `cust-${t % 7}`, name: `C${t % 7}` } }),
      msg(`t${t}-d`, 7, { threadKey: `T${t}`, author: { externalId: 'cust-x', name: 'X' } }),
    ]).flat();
    let cursorSaved = 0;
    const result = await store.ingest(channel.id, batch, {
      inTransaction: () => {
        cursorSaved++;
        return Promise.resolve();
      },
    });
    expect(result).toEqual({ posts: 0, messagesInserted: 320, messagesUpdated: 0, threadsTouched: 80 });
    expect(cursorSaved).toBe(1);
    expect(await db.dataSource.getRepository(Contact).countBy({ channelAccountId: channel.id })).toBe(8);
    const threads = await db.dataSource.getRepository(Thread).find({ where: { channelAccountId: channel.id }, order: { id: 'ASC' } });
    expect(threads).toHaveLength(80);
    for (const t of threads) {
      expect(t).toMatchObject({ messageCount: 4, unreadCount: 3, status: 'open' });
      expect(t.firstResponseAt?.toISOString()).toBe(at(3));
      expect(t.waitingSince?.toISOString()).toBe(at(5));
    }
    // The same batch again: nothing new, the cursor saved once more, counts unchanged.
    const again = await store.ingest(channel.id, batch, {
      inTransaction: () => {
        cursorSaved++;
        return Promise.resolve();
      },
    });
    expect(again.messagesInserted).toBe(0);
    expect(cursorSaved).toBe(2);
    expect((await thread('T0')).unreadCount).toBe(3);
  });

  it('saves no cursor when one of the parallel writers fails; a retry stores what is missing', async () => {
    const good = Array.from({ length: 250 }, (_, i) => msg(`g${i}`, 1, { threadKey: `G${i}` }));
    // A thread the database refuses (its channel kind breaks a CHECK): its writer's transaction fails.
    const bad = msg('bad', 2, { threadKey: 'BAD', channel: 'bogus' as MessageRecord['channel'] });
    let cursorSaved = false;
    await expect(
      store.ingest(channel.id, [...good, bad], {
        inTransaction: () => {
          cursorSaved = true;
          return Promise.resolve();
        },
      }),
    ).rejects.toThrow(/check constraint/);
    expect(cursorSaved).toBe(false);
    const retry = await store.ingest(channel.id, good, {
      inTransaction: () => {
        cursorSaved = true;
        return Promise.resolve();
      },
    });
    expect(cursorSaved).toBe(true);
    expect(await db.dataSource.getRepository(Message).countBy({ channelAccountId: channel.id })).toBe(250);
    expect(retry.messagesInserted).toBeLessThan(250); // the writer that succeeded had stored its part
  });

  it('refuses a page for a channel that does not exist, and stores nothing', async () => {
    await expect(store.ingest('00000000-0000-0000-0000-000000000000', [msg('x', 1)])).rejects.toThrow(/does not exist/);
  });
});
