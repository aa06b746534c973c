import type { CommitClock } from './commit-clock';
import { MAX_MESSAGES_PER_NOTIFICATION } from './commit-clock';
import type { StreamEvent } from './live-stream';

/** Live event latency on one watched stream: from the ingest commit (CommitClock) to the event's arrival. */
export class EventLatency {
  private nextBulk = 0;
  /** Commits (CommitClock.ranges) before this index were reported on this stream. */
  private nextRange = 0;
  unmatched = 0;

  constructor(
    private readonly clock: CommitClock,
    private readonly into: number[],
  ) {}

  /** An inbox.changed up to this message id: each commit it covers, not reported before on this stream, once. */
  private covered(lastMessageId: bigint, atMs: number): void {
    const ranges = this.clock.ranges;
    while (this.nextRange < ranges.length && ranges[this.nextRange].to <= lastMessageId) {
      this.into.push(atMs - ranges[this.nextRange].atMs);
      this.nextRange += 1;
    }
  }

  onEvent(event: StreamEvent): void {
    if (event.type === 'message.created') {
      const id = /"message":\{"id":"(\d+)"/.exec(event.data)?.[1] ?? messageId(event.data);
      const committed = id ? this.clock.commitOf(id) : null;
      if (committed === null) this.unmatched += 1;
      else this.into.push(event.atMs - committed);
      // Commits up to this message were reported by their own events: a later inbox.changed does not count them again.
      const ranges = this.clock.ranges;
      if (id) while (this.nextRange < ranges.length && ranges[this.nextRange].to <= BigInt(id)) this.nextRange += 1;
    } else if (event.type === 'inbox.changed') {
      const lastMessageId = /"lastMessageId":"(\d+)"/.exec(event.data)?.[1];
      if (lastMessageId) {
        this.covered(BigInt(lastMessageId), event.atMs);
        return;
      }
      const count = Number(/"count":(\d+)/.exec(event.data)?.[1] ?? 0);
      if (count <= MAX_MESSAGES_PER_NOTIFICATION) return;
      const bulk = this.clock.bulk;
      while (this.nextBulk < bulk.length && bulk[this.nextBulk].count !== count) this.nextBulk += 1;
      if (this.nextBulk >= bulk.length) this.unmatched += 1;
      else this.into.push(event.atMs - bulk[this.nextBulk++].atMs);
    }
  }
}

function messageId(data: string): string | null {
  try {
    const parsed = JSON.parse(data) as { message?: { id?: unknown } };
    return typeof parsed.message?.id === 'string' ? parsed.message.id : null;
  } catch {
    return null;
  }
}
