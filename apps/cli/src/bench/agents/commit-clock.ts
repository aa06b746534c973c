import { Client } from 'pg';

/** The database triggers' notification channel the api LISTENs to (apps/api/src/events/transports.ts). */
const DB_EVENTS_CHANNEL = 'resonance_db_events';
/** More messages than this in one statement make one inbox.changed (apps/api/src/events/db-changes.ts). */
export const MAX_MESSAGES_PER_NOTIFICATION = 200;

interface InsertedRange {
  from: bigint;
  to: bigint;
  count: number;
  atMs: number;
}

/**
 * When each ingest commit happened: the bench LISTENs to the same notifications as the api. A
 * NOTIFY is delivered at commit, so the time the bench receives it is the commit's time on this
 * machine (plus the same delivery the api pays). Live events are then matched to their commit:
 * message.created by the message id in the inserted range, inbox.changed by the newest message id
 * it covers (lastMessageId), else (an api without it: one statement of more than 200 messages) by
 * its count, in order.
 */
export class CommitClock {
  private readonly client: Client;
  /** Every inserting statement, in commit order. */
  readonly ranges: InsertedRange[] = [];
  /** The large statements (one inbox.changed each), in commit order. */
  readonly bulk: InsertedRange[] = [];

  constructor(databaseUrl: string) {
    this.client = new Client({ connectionString: databaseUrl, application_name: 'resonance-bench' });
  }

  async start(): Promise<void> {
    await this.client.connect();
    this.client.on('notification', (n) => this.received(n.payload ?? '', performance.now()));
    await this.client.query(`LISTEN ${DB_EVENTS_CHANNEL}`);
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }

  received(payload: string, atMs: number): void {
    let n: { kind?: unknown; from?: unknown; to?: unknown; count?: unknown };
    try {
      n = JSON.parse(payload) as typeof n;
    } catch {
      return;
    }
    if (n.kind !== 'messages.inserted' || typeof n.from !== 'string' || typeof n.to !== 'string' || typeof n.count !== 'number') return;
    const range = { from: BigInt(n.from), to: BigInt(n.to), count: n.count, atMs };
    this.ranges.push(range);
    if (n.count > MAX_MESSAGES_PER_NOTIFICATION) this.bulk.push(range);
  }

  /** When the message with this id was committed (ranges arrive in id order; searched from the newest). */
  commitOf(messageId: string): number | null {
    const id = BigInt(messageId);
    for (let i = this.ranges.length - 1; i >= 0 && i >= this.ranges.length - 5_000; i--) {
      const r = this.ranges[i];
      if (id >= r.from && id <= r.to) return r.atMs;
    }
    return null;
  }
}
