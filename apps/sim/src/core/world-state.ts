import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * What the sim keeps of its world between runs (SIM_STATE_FILE): when the world was made (its
 * history ends there and is rebuilt from the seed the same way on every start) and, per network,
 * the highest number any id was made of. A restarted sim continues above those numbers, so the
 * items of a new run never reuse an id of an earlier one.
 */
export interface WorldState {
  seed: number;
  /** Epoch ms: the world's creation; its history covers the `historyDays` before it. */
  createdAt: number;
  historyDays: number;
  /** Per network: ids of the next run start above this number. */
  floors: Record<string, number>;
  /** Whether an earlier run's state was found. */
  resumed: boolean;
}

interface WorldFile {
  version: 1;
  seed: number;
  createdAt: string;
  historyDays: number;
  ids: Record<string, number>;
}

/**
 * Headroom above the last saved counters: items made between the last save and a hard kill
 * (at most SAVE_EVERY_MS of traffic at the highest rate) must not be made again.
 */
export const RESTART_ID_GAP = 100_000;
const SAVE_EVERY_MS = 2_000;

/** Reads the world of an earlier run with this seed, or makes a new one at `now`. */
export function openWorld(path: string | null, seed: number, historyDays: number, now: number, log: (line: string) => void = () => undefined): WorldState {
  const fresh: WorldState = { seed, createdAt: now, historyDays, floors: {}, resumed: false };
  if (!path) return fresh;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return fresh;
  }
  const saved = parseWorldFile(text);
  if (!saved) {
    log(`world state in ${path} is unreadable; starting a new world`);
    return fresh;
  }
  if (saved.seed !== seed) {
    log(`world state in ${path} is of seed ${saved.seed}, not ${seed}; starting a new world`);
    return fresh;
  }
  const floors = Object.fromEntries(Object.entries(saved.ids).map(([network, high]) => [network, high + RESTART_ID_GAP]));
  return { seed, createdAt: Date.parse(saved.createdAt), historyDays: saved.historyDays, floors, resumed: true };
}

function parseWorldFile(text: string): WorldFile | null {
  try {
    const value = JSON.parse(text) as Partial<WorldFile>;
    const idsValid = value.ids !== null && typeof value.ids === 'object' && Object.values(value.ids).every((n) => Number.isSafeInteger(n) && n >= 0);
    if (value.version !== 1 || !Number.isInteger(value.seed) || typeof value.createdAt !== 'string' || Number.isNaN(Date.parse(value.createdAt))) return null;
    if (!Number.isFinite(value.historyDays) || (value.historyDays as number) < 0 || !idsValid) return null;
    return value as WorldFile;
  } catch {
    return null;
  }
}

/** Writes the world's counters every few seconds while they change, and once more on stop. */
export class WorldSaver {
  private timer: NodeJS.Timeout | null = null;
  private last = '';
  private lastError = '';

  constructor(
    private readonly path: string,
    private readonly world: WorldState,
    private readonly counters: () => Record<string, number>,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  start(): void {
    this.save();
    this.timer = setInterval(() => this.save(), SAVE_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.save();
  }

  /** Writes the file if the counters moved; a failure is logged once per kind, never thrown (the world runs on). */
  save(): void {
    try {
      this.write();
    } catch (error) {
      const line = `world state not saved to ${this.path}: ${(error as Error).message}`;
      if (line !== this.lastError) this.log(line);
      this.lastError = line;
    }
  }

  private write(): void {
    const file: WorldFile = {
      version: 1,
      seed: this.world.seed,
      createdAt: new Date(this.world.createdAt).toISOString(),
      historyDays: this.world.historyDays,
      ids: this.counters(),
    };
    const text = `${JSON.stringify(file, null, 2)}\n`;
    if (text === this.last) return;
    // Write then rename: a kill in the middle leaves the previous file, never half a file.
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, this.path);
    this.last = text;
  }
}
