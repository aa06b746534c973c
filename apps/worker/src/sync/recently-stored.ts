import { createHash } from 'node:crypto';
import type { UnifiedRecord } from '@resonance/contracts';

/** How long a stored record's fingerprint spares storing it again; after that it is stored anyway. */
export const RECENTLY_STORED_MS = 30 * 60_000;
/** Fingerprints kept per channel (the newest win) and over all channels (the channels synced longest ago go first). */
const MAX_PER_CHANNEL = 2_000;
const MAX_TOTAL = 300_000;

const FINGERPRINT = Symbol('sync.fingerprint');
type Tagged = UnifiedRecord & { [FINGERPRINT]?: [key: string, fingerprint: string] };

interface Entry {
  fingerprint: string;
  at: number;
}

/**
 * The posts and messages a sync run read that this worker stored, unchanged, within the last
 * RECENTLY_STORED_MS: a run leaves them out, so a run with nothing new stores nothing (no
 * transaction, no classification). Every network's poll reads some items again each run — the
 * whole feed with its counts (Facebook, LinkedIn, XING, Instagram), the overlap behind a watermark,
 * a post's comments from the start when its count changed or its reconciliation is due — and
 * upserted them, unchanged, every run: in a fleet of mostly quiet channels that was most of a run's
 * database work (bench --fleet, fleet28c).
 *
 * Safe because a record is left out only when it is byte-for-byte what this process committed
 * (its fingerprint is taken after the commit, remember()), and for a bounded time: a row changed
 * or removed in the database meanwhile (a post's counts_read_at, retention) is written again
 * within RECENTLY_STORED_MS. Anything that differs (an edited text, a new count, a held comment
 * released) is stored at once. Each worker keeps its own; a restart starts empty.
 */
export class RecentlyStored {
  private readonly channels = new Map<string, Map<string, Entry>>();
  private total = 0;

  constructor(private readonly ttlMs = RECENTLY_STORED_MS) {}

  /**
   * The records still to store: every record but the posts and messages stored unchanged within
   * the bound. Those it returns carry their fingerprint for remember().
   */
  fresh(channelId: string, records: UnifiedRecord[], now = Date.now()): UnifiedRecord[] {
    const known = this.channels.get(channelId);
    const out: UnifiedRecord[] = [];
    for (const record of records) {
      if (record.kind !== 'post' && record.kind !== 'message') {
        out.push(record);
        continue;
      }
      const key = `${record.kind}:${record.externalId}`;
      const fingerprint = createHash('sha1').update(JSON.stringify(record)).digest('base64');
      const entry = known?.get(key);
      if (entry?.fingerprint === fingerprint && now - entry.at < this.ttlMs) continue;
      (record as Tagged)[FINGERPRINT] = [key, fingerprint];
      out.push(record);
    }
    return out;
  }

  /** After `records` (as fresh() returned them, prepared or not) are committed: they need no storing again for a while. */
  remember(channelId: string, records: UnifiedRecord[], now = Date.now()): void {
    let known = this.channels.get(channelId);
    if (known) this.channels.delete(channelId);
    known ??= new Map();
    // Re-inserted: the Map's order is the channels' last use, oldest first.
    this.channels.set(channelId, known);
    for (const record of records) {
      const tag = (record as Tagged)[FINGERPRINT];
      if (!tag) continue;
      const [key, fingerprint] = tag;
      if (known.delete(key)) this.total -= 1;
      known.set(key, { fingerprint, at: now });
      this.total += 1;
    }
    for (const key of known.keys()) {
      if (known.size <= MAX_PER_CHANNEL) break;
      known.delete(key);
      this.total -= 1;
    }
    for (const [id, entries] of this.channels) {
      if (this.total <= MAX_TOTAL) break;
      this.total -= entries.size;
      this.channels.delete(id);
    }
  }

  /** Forgets a channel's records (its first run, or one that failed): the next run stores all it reads. */
  forget(channelId: string): void {
    const known = this.channels.get(channelId);
    if (!known) return;
    this.total -= known.size;
    this.channels.delete(channelId);
  }
}
