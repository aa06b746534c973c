import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { MessageRecord, PostRecord, UserRole } from '@resonance/contracts';
import { hashPassword } from '@resonance/db';
import { makeChannel, makeUser, makeWorkspace } from '@resonance/testing';
import { IngestStore, Rollups } from '@resonance/worker';

/**
 * Two workspaces with the same shape of data: every text of one carries its marker (a random token),
 * so a response that shows another workspace's data is recognised by that marker, and every id of
 * both is known, so the fuzzer can ask workspace A's routes for workspace B's objects.
 */
export interface SeededWorkspace {
  id: string;
  /** In every text, name, e-mail and handle of the workspace. */
  marker: string;
  users: Record<UserRole, { id: string; email: string; passwordHash: string; name: string }>;
  password: string;
  channelIds: string[];
  channelExternalIds: string[];
  threadIds: string[];
  messageIds: string[];
  contactIds: string[];
  postIds: string[];
  postExternalIds: string[];
  noteIds: string[];
  cannedIds: string[];
  pendingConnectIds: string[];
  tags: string[];
  /** Cursors as the API encodes them, pointing at this workspace's rows. */
  cursors: string[];
}

const ROLES: UserRole[] = ['admin', 'agent', 'analyst'];

const cursorOf = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');

export async function seedWorkspace(ds: DataSource, label: 'a' | 'b', password: string): Promise<SeededWorkspace> {
  const marker = `mk${label}${randomBytes(5).toString('hex')}`;
  const workspace = await makeWorkspace(ds, { name: `Workspace ${marker}`, slug: `ws-${marker}`, timezone: 'Europe/Berlin' });
  const passwordHash = await hashPassword(password);
  const users = {} as SeededWorkspace['users'];
  for (const role of ROLES) {
    const user = await makeUser(ds, workspace, { role, email: `${role}-${marker}@example.test`, name: `${role} ${marker}`, passwordHash });
    users[role] = { id: user.id, email: user.email, passwordHash, name: user.name };
  }
  const facebook = await makeChannel(ds, workspace, {
    network: 'facebook',
    externalId: `page-${marker}`,
    displayName: `Page ${marker}`,
    handle: `@${marker}`,
    followers: 1200,
  });
  const x = await makeChannel(ds, workspace, { network: 'x', externalId: `x-${marker}`, displayName: `X ${marker}`, handle: `@x${marker}`, followers: 300 });
  const store = new IngestStore(ds);
  const day = (n: number, h = 9) => new Date(Date.now() - n * 86_400_000 + h * 60_000).toISOString();
  const post: PostRecord = {
    kind: 'post',
    network: 'facebook',
    externalId: `post-${marker}`,
    text: `Post ${marker}`,
    publishedAt: day(10),
    counts: { reactions: 5, comments: 4, shares: 1, views: 900 },
  };
  const comment = (key: string, n: number, text: string, own = false): MessageRecord => ({
    kind: 'message',
    network: 'facebook',
    externalId: `${key}-${n}-${marker}`,
    threadKey: `${key}-${marker}`,
    channel: 'comment',
    postExternalId: post.externalId,
    author: own
      ? { externalId: facebook.externalId, name: `Page ${marker}` }
      : { externalId: `fan-${key}-${marker}`, name: `Fan ${key} ${marker}`, handle: `fan${key}${marker}` },
    text: `${text} ${marker}`,
    createdAt: day(8 - n, n),
    ...(own ? { isFromAccount: true } : {}),
  });
  await store.ingest(facebook.id, [
    post,
    ...['t1', 't2', 't3', 't4'].flatMap((key, i) => [
      comment(key, i, 'Wo kann ich das kaufen?'),
      comment(key, i + 1, 'Danke!', true),
      comment(key, i + 2, 'Super Produkt'),
    ]),
  ]);
  await store.ingest(x.id, [
    {
      kind: 'message',
      network: 'x',
      externalId: `dm-1-${marker}`,
      threadKey: `dm-${marker}`,
      channel: 'direct',
      author: { externalId: `xfan-${marker}`, name: `X fan ${marker}` },
      text: `Direct ${marker}`,
      createdAt: day(2),
    },
  ]);
  const threadIds = (await ds.query<Array<{ id: string }>>(`SELECT id::text FROM thread WHERE workspace_id = $1 ORDER BY id`, [workspace.id])).map((r) => r.id);
  const tag = `tag-${marker}`;
  await ds.query(`UPDATE thread SET tags = ARRAY[$2], assignee_id = $3 WHERE workspace_id = $1`, [workspace.id, tag, users.agent.id]);
  // A reply sent from Resonance whose delivery failed (messages/:id/retry) and one still queued.
  for (const delivery of ['failed', 'queued']) {
    await ds.query(
      `INSERT INTO message (workspace_id, channel_account_id, thread_id, direction, is_from_account, author_user_id, text, created_at, delivery, delivery_error)
       VALUES ($1, $2, $3, 'outbound', true, $4, $5, now(), $6, $7)`,
      [workspace.id, facebook.id, threadIds[0], users.agent.id, `Reply ${delivery} ${marker}`, delivery, delivery === 'failed' ? `error ${marker}` : null],
    );
  }
  const messages = await ds.query<Array<{ id: string; at: string }>>(
    `SELECT id::text, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at FROM message WHERE workspace_id = $1 ORDER BY id`,
    [workspace.id],
  );
  const inbound = await ds.query<Array<{ id: string }>>(`SELECT id::text FROM message WHERE workspace_id = $1 AND NOT is_from_account ORDER BY id LIMIT 1`, [
    workspace.id,
  ]);
  await ds.query(`INSERT INTO message_action (workspace_id, message_id, action, state, requested_by, error) VALUES ($1, $2, 'hide', 'failed', $3, $4)`, [
    workspace.id,
    inbound[0].id,
    users.agent.id,
    `action error ${marker}`,
  ]);
  await ds.query(`INSERT INTO intent_correction (workspace_id, message_id, user_id, previous_intent, intent) VALUES ($1, $2, $3, NULL, 'praise')`, [
    workspace.id,
    inbound[0].id,
    users.analyst.id,
  ]);
  await ds.query(`INSERT INTO sentiment_correction (workspace_id, message_id, user_id, previous_sentiment, sentiment) VALUES ($1, $2, $3, NULL, 'neutral')`, [
    workspace.id,
    inbound[0].id,
    users.analyst.id,
  ]);
  for (const [i, threadId] of threadIds.entries()) {
    await ds.query(`INSERT INTO note (workspace_id, thread_id, author_user_id, text) VALUES ($1, $2, $3, $4)`, [
      workspace.id,
      threadId,
      users.agent.id,
      `Note ${i} ${marker}`,
    ]);
  }
  for (const i of [1, 2, 3]) {
    await ds.query(`INSERT INTO canned_response (workspace_id, title, text, shortcut, language, created_by) VALUES ($1, $2, $3, $4, 'de', $5)`, [
      workspace.id,
      `Canned ${i} ${marker}`,
      `Hallo {{contact.name}}, ${marker}`,
      `c${i}${marker}`,
      users.admin.id,
    ]);
  }
  await ds.query(
    `INSERT INTO audit_event (workspace_id, actor_user_id, action, target_type, target_id, data) VALUES ($1, $2, 'thread.status', 'thread', $3, $4)`,
    [workspace.id, users.admin.id, threadIds[0], JSON.stringify({ note: `audit ${marker}` })],
  );
  await ds.query(
    `INSERT INTO oauth_connect (workspace_id, user_id, session_id, network, status, state_hash, accounts, expires_at)
     VALUES ($1, $2, $3, 'facebook', 'picking', $4, $5, now() + interval '1 day')`,
    [
      workspace.id,
      users.admin.id,
      `session-${marker}`,
      `hash-${marker}`,
      JSON.stringify([{ externalId: `offered-${marker}`, displayName: `Offered ${marker}`, handle: null }]),
    ],
  );
  await new Rollups(ds).drainAll();
  const ids = async (sql: string) => (await ds.query<Array<{ id: string }>>(sql, [workspace.id])).map((r) => r.id);
  return {
    id: workspace.id,
    marker,
    users,
    password,
    channelIds: [facebook.id, x.id],
    channelExternalIds: [facebook.externalId, x.externalId],
    threadIds,
    messageIds: messages.map((m) => m.id),
    contactIds: await ids(`SELECT id::text FROM contact WHERE workspace_id = $1 ORDER BY id`),
    postIds: await ids(`SELECT id::text FROM post WHERE workspace_id = $1 ORDER BY id`),
    postExternalIds: [post.externalId],
    noteIds: await ids(`SELECT id::text FROM note WHERE workspace_id = $1 ORDER BY id`),
    cannedIds: await ids(`SELECT id::text FROM canned_response WHERE workspace_id = $1 ORDER BY id`),
    pendingConnectIds: await ids(`SELECT id::text FROM oauth_connect WHERE workspace_id = $1`),
    tags: [tag],
    cursors: messages.slice(0, 3).map((m) => cursorOf(m.at, m.id)),
  };
}

/**
 * Every row of a workspace a request could change, as text per table (sessions and throttles left
 * out: they change by design). Failed sign-ins at the workspace's addresses are audited in the
 * workspace itself (its own security log, written by the login route for anyone), so those entries
 * are left out too.
 */
export async function workspaceRows(ds: DataSource, workspaceId: string): Promise<Record<string, string[]>> {
  const tables = [
    'workspace',
    'users',
    'channel_account',
    'contact',
    'post',
    'thread',
    'message',
    'message_action',
    'note',
    'canned_response',
    'audit_event',
    'intent_correction',
    'sentiment_correction',
    'oauth_connect',
  ];
  const rows: Record<string, string[]> = {};
  for (const table of tables) {
    const where = table === 'workspace' ? 'id = $1' : table === 'audit_event' ? `workspace_id = $1 AND action <> 'auth.login_failed'` : 'workspace_id = $1';
    rows[table] = (await ds.query<Array<{ row: string }>>(`SELECT t::text AS row FROM ${table} t WHERE ${where} ORDER BY 1`, [workspaceId])).map((r) => r.row);
  }
  return rows;
}

/** Rows added or gone between two workspaceRows snapshots, one line each. */
export function rowChanges(before: Record<string, string[]>, after: Record<string, string[]>): string[] {
  return Object.keys(before).flatMap((table) => {
    const was = new Set(before[table]);
    const is = new Set(after[table]);
    return [
      ...after[table].filter((r) => !was.has(r)).map((r) => `${table} + ${r.slice(0, 300)}`),
      ...before[table].filter((r) => !is.has(r)).map((r) => `${table} - ${r.slice(0, 300)}`),
    ];
  });
}

/** Strings of workspace B that must never appear in an answer to workspace A (unless the request carried them). */
export function markersOf(ws: SeededWorkspace): string[] {
  return [ws.marker, ws.id, ...Object.values(ws.users).map((u) => u.id), ...ws.channelIds, ...ws.cannedIds, ...ws.pendingConnectIds].map((m) =>
    m.toLowerCase(),
  );
}
