import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Config } from '@resonance/config';
import type { MessageRecord, Network } from '@resonance/contracts';
import { CredentialsCipher, type ChannelAccount, type Workspace } from '@resonance/db';
import { createQueueBackend, prepareQueueBackend, QueueName } from '@resonance/queue';
import { DEMO_ACCOUNTS, startSim, type ReceivedItem, type RunningSim, type TruthItem } from '@resonance/sim';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore, startWorker, type WorkerHandle } from '@resonance/worker';
import { createApi } from '../src';
import { login, makeLoginUser, waitFor, type Session } from './support';

/** A stored message of the rig's channel, as the tests name it. */
export interface MessageRef {
  id: string;
  externalId: string;
  threadId: string;
}

/** What GET /api/threads/:id/messages says of a message, the parts moderation tests read. */
export interface ModeratedItem {
  actions: string[];
  hidden: boolean;
  heldForReview: boolean;
  liked: boolean;
  deleted: boolean;
  handledAction: string | null;
  moderationUnavailable: boolean;
}

export interface ModerationRigOptions {
  network: Network;
  seed: number;
  /** Items the sim generates for the network (its ground truth). */
  items: number;
  /** Settings beside SIM_URL and RATE_LIMIT_MAX_DELAY_MS=0 (e.g. XING's consumer). */
  settings?: Record<string, string>;
  /** Only comments with a known author are stored (networks whose sync skips the others). */
  knownAuthorsOnly?: boolean;
}

/**
 * The moderation tests' world (docs/moderation.md): the sim as the network, one connected demo
 * channel holding the sim's comments as a sync stores them, the api, a worker and a signed-in agent.
 * Each network's spec asks it for the messages it needs and checks the ground truth at the sim.
 */
export class ModerationRig {
  readonly demo: (typeof DEMO_ACCOUNTS)[number];

  private constructor(
    readonly options: ModerationRigOptions,
    readonly sim: RunningSim,
    readonly db: TestDatabase,
    readonly config: Config,
    readonly queue: Queue,
    readonly app: INestApplication,
    readonly worker: WorkerHandle,
    readonly workspace: Workspace,
    readonly channel: ChannelAccount,
    readonly agent: Session,
  ) {
    this.demo = demoOf(options.network);
  }

  static async start(options: ModerationRigOptions): Promise<ModerationRig> {
    const { network } = options;
    const sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: options.seed, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    const truth: TruthItem[] = sim.traffic.generate(options.items, network);
    const db = await createTestDatabase();
    const config = testConfig({ SIM_URL: sim.url, RATE_LIMIT_MAX_DELAY_MS: '0', ...options.settings });
    const backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    await prepareQueueBackend(backend);
    const queue = new backend.Queue(QueueName.Outbound, { connection: backend.connection as never, prefix: backend.prefix });
    const app = await createApi(config, db.url);
    await app.init();
    const worker = await startWorker(config, db.url);
    const workspace = await makeWorkspace(db.dataSource);
    const demo = demoOf(network);
    const channel = await makeChannel(db.dataSource, workspace, {
      network,
      externalId: demo.externalId,
      displayName: demo.displayName,
      credentialsEncrypted: new CredentialsCipher(config.ENCRYPTION_KEY).encrypt(demo.credentials),
    });
    // The account's conversations as a sync stores them (the sim's ids; threads as the sim places them).
    const records: MessageRecord[] = truth
      .filter((t) => t.kind === 'comment' && (!options.knownAuthorsOnly || t.author !== null))
      .map((t) => ({
        kind: 'message',
        network,
        externalId: t.externalId,
        threadKey: t.threadExternalId!,
        channel: 'comment',
        parentExternalId: t.parentExternalId,
        postExternalId: t.postExternalId,
        author: { externalId: t.author?.externalId, name: t.author?.name },
        isFromAccount: t.fromAccount,
        text: t.text,
        createdAt: t.createdAt,
      }));
    await new IngestStore(db.dataSource).ingest(channel.id, records);
    const agent = await login(app, (await makeLoginUser(db.dataSource, workspace, 'agent')).email);
    return new ModerationRig(options, sim, db, config, queue, app, worker, workspace, channel, agent);
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.queue.close();
    await this.app.close();
    await this.db.drop();
    await this.sim.close();
  }

  /** The channel's first `limit` messages (by id) matching `where` (over message m and thread t). */
  pick(where: string, limit: number): Promise<MessageRef[]> {
    return this.db.dataSource.query<MessageRef[]>(
      `SELECT m.id::text, m.external_id AS "externalId", m.thread_id::text AS "threadId"
         FROM message m JOIN thread t ON t.id = m.thread_id
        WHERE m.channel_account_id = $1 AND ${where} ORDER BY m.id LIMIT ${limit}`,
      [this.channel.id],
    );
  }

  /**
   * The sim's next customer comment under one of the account's posts (it also generates posts and
   * messages; `topLevel`: only a comment that opens a thread of its own) as a sync maps it, with
   * this text and author.
   */
  nextSimComment(text: string, authorId: string, { topLevel = false, tries = 50 } = {}): MessageRecord {
    let t: TruthItem | undefined;
    for (let i = 0; !t && i < tries; i++)
      t = this.sim.traffic
        .generate(1, 'facebook')
        .find((c) => c.kind === 'comment' && c.postExternalId && !c.fromAccount && (!topLevel || c.threadExternalId === c.externalId));
    if (!t) throw new Error(`the sim generated no ${topLevel ? 'top-level ' : ''}comment in ${tries} items`);
    return {
      kind: 'message',
      network: 'facebook',
      externalId: t.externalId,
      threadKey: t.threadExternalId!,
      channel: 'comment',
      parentExternalId: t.parentExternalId,
      postExternalId: t.postExternalId,
      author: { externalId: authorId, name: `Author ${authorId}` },
      isFromAccount: false,
      text,
      createdAt: new Date().toISOString(),
    };
  }

  /** POST /api/messages/:id/actions as the agent. */
  act(id: string, action: string) {
    return this.agent.agent.post(`/api/messages/${id}/actions`).set('x-csrf-token', this.agent.csrf).send({ action });
  }

  /** What the network received (the sim's record of calls). */
  async received(): Promise<ReceivedItem[]> {
    return ((await (await fetch(`${this.sim.url}/_sim/received?network=${this.options.network}`)).json()) as { items: ReceivedItem[] }).items;
  }

  /** The kinds of moderation calls the network received for one object (replies left out). */
  async receivedFor(externalId: string): Promise<string[]> {
    return (await this.received()).filter((r) => r.targetId === externalId && r.kind !== 'comment_reply').map((r) => r.kind);
  }

  /** The message as the thread's page lists it. */
  async item(m: { id: string; threadId: string }): Promise<ModeratedItem> {
    const page = await this.agent.agent.get(`/api/threads/${m.threadId}/messages?limit=200`).expect(200);
    return (page.body.items as Array<ModeratedItem & { id: string }>).find((i) => i.id === m.id)!;
  }

  /** The message's newest action once it is no longer queued. */
  settled(id: string) {
    return waitFor(async () => {
      const res = await this.agent.agent.get(`/api/messages/${id}/actions`).expect(200);
      const [newest] = res.body.items as Array<{ id: string; action: string; state: string; error: string | null }>;
      return newest && newest.state !== 'queued' ? newest : undefined;
    }, 15_000);
  }
}

function demoOf(network: Network): (typeof DEMO_ACCOUNTS)[number] {
  const demo = DEMO_ACCOUNTS.find((a) => a.network === network);
  if (!demo) throw new Error(`the sim has no demo account on ${network}`);
  return demo;
}
