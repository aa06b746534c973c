import { TrafficGenerator } from '../generator';
import type { NetworkModule, SimContext } from './network-module';
import type { TruthItem } from './world';

const TICK_MS = 200;

/**
 * Live traffic: one seeded generator per network, drained at the configured rate with bursts.
 * Content is deterministic for a seed; timestamps are the sim clock's, since items happen "now".
 */
export class TrafficLoop {
  private readonly generators = new Map<string, TrafficGenerator>();
  private timer: NodeJS.Timeout | null = null;
  private perMinute: number;
  private carry = 0;
  private burstUntil = 0;
  private lastTick = 0;
  private burstDraw = 0;
  /** Called with the items the clock generated (the process entry logs them as a live stream). */
  onTraffic: ((items: TruthItem[]) => void) | null = null;

  constructor(
    private readonly ctx: SimContext,
    private readonly modules: NetworkModule[],
  ) {
    this.perMinute = ctx.settings.trafficPerMinute;
    for (const m of modules) {
      if (m.ingest) this.generators.set(m.network, new TrafficGenerator({ seed: `${ctx.settings.seed}:${m.network}` }));
    }
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

  /** Generates `count` items on one network (or spread over all) right now; returns their truth. */
  generate(count: number, network?: string): TruthItem[] {
    const modules = this.modules.filter((m) => m.ingest && (!network || m.network === network));
    const truth: TruthItem[] = [];
    if (modules.length === 0) return truth;
    const now = this.ctx.clock.now();
    for (let i = 0; i < modules.length; i++) {
      const share = Math.floor(count / modules.length) + (i < count % modules.length ? 1 : 0);
      if (share === 0) continue;
      const module = modules[i];
      const items = this.generators.get(module.network)!.take(share, now);
      truth.push(...module.ingest!(items));
    }
    return truth;
  }

  private tick(): void {
    const nowMs = Date.now();
    const elapsed = nowMs - this.lastTick;
    this.lastTick = nowMs;
    // Bursts: about once every ten minutes on average, the rate jumps tenfold for 5-30 s.
    this.burstDraw += 1;
    if (nowMs >= this.burstUntil && ((this.burstDraw * 0.7548776662466927) % 1) < TICK_MS / 600_000) {
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
