import { TrafficGenerator, type GeneratedItem } from '../generator';
import type { NetworkModule, SimContext } from './network-module';
import type { TruthItem } from './world';
import { must } from './must';

/** Where each network's live traffic continues: after its history, above an earlier run's ids. */
export interface TrafficStart {
  history: ReadonlyMap<string, readonly GeneratedItem[]>;
  /** Per network: the live generator's first seq is above this. */
  startSeq: ReadonlyMap<string, number>;
}

const TICK_MS = 200;

/**
 * Live traffic: one seeded generator per network, drained at the configured rate with bursts.
 * Content is deterministic for a seed; timestamps are the sim clock's, since items happen "now".
 * The clock's items go to the networks in turn (round robin), so at any rate every network gets
 * its share: at the default 6 a minute, one item every 10 s, each network one every 50 s.
 */
export class TrafficLoop {
  private readonly generators = new Map<string, TrafficGenerator>();
  private timer: NodeJS.Timeout | null = null;
  private perMinute: number;
  private carry = 0;
  private burstUntil = 0;
  private lastTick = 0;
  private burstDraw = 0;
  /** The network (index among those with traffic) the clock's next item goes to. */
  private turn = 0;
  /** Called with the items the clock generated (the process entry logs them as a live stream). */
  onTraffic: ((items: TruthItem[]) => void) | null = null;

  constructor(
    private readonly ctx: SimContext,
    private readonly modules: NetworkModule[],
    start?: TrafficStart,
  ) {
    this.perMinute = ctx.settings.trafficPerMinute;
    for (const m of modules) {
      if (!m.ingest) continue;
      const seed = `${ctx.settings.seed}:${m.network}`;
      const startSeq = start?.startSeq.get(m.network) ?? 0;
      // A continued world draws new content too (another seed), not a replay of the last run's.
      const history = start?.history.get(m.network) ?? [];
      // In a world with history, networks without private messages get no messages to drop, so
      // every item of their turn shows; without history (tests) the streams stay as they always were.
      const kinds = history.length > 0 && m.privateMessages === false ? { message: 0, accountMessage: 0 } : undefined;
      const generator = new TrafficGenerator({ seed: startSeq === 0 ? seed : `${seed}:${startSeq}`, customerSeed: seed, startSeq, kinds });
      generator.continueFrom(history);
      this.generators.set(m.network, generator);
    }
  }

  /** Per network: the seq of the last item its generator made (for the world's saved counters). */
  lastSeqs(): Record<string, number> {
    return Object.fromEntries([...this.generators].map(([n, g]) => [n, g.lastSeq]));
  }

  state(): { perMinute: number; running: boolean; bursting: boolean; generated: Record<string, number> } {
    return {
      perMinute: this.perMinute,
      running: this.timer !== null,
      bursting: Date.now() < this.burstUntil,
      generated: Object.fromEntries([...this.generators].map(([n, g]) => [n, g.count])),
    };
  }

  start(): void {
    if (this.timer || this.perMinute <= 0) return;
    this.lastTick = Date.now();
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  setRate(perMinute: number): void {
    this.perMinute = perMinute;
    this.stop();
    this.start();
  }

  /**
   * Generates `count` items on one network, or spread over all in turn (the remainder going to the
   * networks whose turn it is), right now; returns their truth.
   */
  generate(count: number, network?: string): TruthItem[] {
    const modules = this.modules.filter((m) => m.ingest && (!network || m.network === network));
    const truth: TruthItem[] = [];
    if (modules.length === 0) return truth;
    const now = this.ctx.clock.now();
    const first = network ? 0 : this.turn % modules.length;
    if (!network) this.turn = (first + count) % modules.length;
    for (let i = 0; i < modules.length; i++) {
      const behindTurn = (i - first + modules.length) % modules.length;
      const share = Math.floor(count / modules.length) + (behindTurn < count % modules.length ? 1 : 0);
      if (share === 0) continue;
      const module = modules[i];
      if (!module.ingest) continue; // filtered above; this tells the compiler
      const items = must(this.generators.get(module.network), `generator of ${module.network}`).take(share, now);
      truth.push(...module.ingest(items));
    }
    return truth;
  }

  /** One step of the clock (every 200 ms; tests call it with their own time to run minutes in a moment). */
  tick(nowMs = Date.now()): void {
    const elapsed = nowMs - this.lastTick;
    this.lastTick = nowMs;
    // Bursts: about once every ten minutes on average, the rate jumps tenfold for 5-30 s.
    this.burstDraw += 1;
    if (nowMs >= this.burstUntil && (this.burstDraw * 0.7548776662466927) % 1 < TICK_MS / 600_000) {
      this.burstUntil = nowMs + 5_000 + ((this.burstDraw * 7919) % 25_000);
    }
    const rate = nowMs < this.burstUntil ? this.perMinute * 10 : this.perMinute;
    this.carry += (rate * elapsed) / 60_000;
    const due = Math.floor(this.carry);
    if (due <= 0) return;
    this.carry -= due;
    const items = this.generate(due);
    this.onTraffic?.(items);
  }
}
