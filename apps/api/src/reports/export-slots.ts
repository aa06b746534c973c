import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@resonance/config';

/** Seconds a refused export is told to wait (Retry-After); exports of normal size end well within it. */
export const EXPORT_RETRY_AFTER_SECONDS = 10;

/** A held export slot; release() is idempotent, so every exit path may call it. */
export interface ExportSlot {
  release(): void;
}

/** 429 with the Retry-After seconds in the body; the controller copies them into the header. */
export class TooManyExportsException extends HttpException {
  readonly retryAfterSeconds = EXPORT_RETRY_AFTER_SECONDS;

  constructor(message: string) {
    super({ statusCode: 429, error: 'Too Many Requests', message, retryAfterSeconds: EXPORT_RETRY_AFTER_SECONDS }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * Bounds the data exports running at once, per workspace and per api process (issue 20): eight
 * parallel 100k-row exports once took the api to 770 MB and stalled agents' inbox requests. An
 * export holds a database connection for as long as its client downloads, so the process bound is
 * also kept to at most half the connection pool, leaving the rest to everything else.
 */
@Injectable()
export class ExportSlots {
  private readonly perWorkspace: number;
  private readonly perProcess: number;
  private readonly running = new Map<string, number>();
  private total = 0;

  constructor(@Inject(CONFIG) config: Config) {
    this.perWorkspace = config.EXPORTS_PER_WORKSPACE;
    this.perProcess = Math.max(1, Math.min(config.EXPORTS_PER_PROCESS, Math.floor(config.DATABASE_POOL_SIZE / 2)));
  }

  /** Takes a slot for one export of the workspace, or throws TooManyExportsException (429). */
  acquire(workspaceId: string): ExportSlot {
    const mine = this.running.get(workspaceId) ?? 0;
    if (mine >= this.perWorkspace) {
      throw new TooManyExportsException(`${this.perWorkspace} exports of this workspace are already running; try again when one has finished`);
    }
    if (this.total >= this.perProcess) {
      throw new TooManyExportsException('the server is busy with other exports; try again in a few seconds');
    }
    this.running.set(workspaceId, mine + 1);
    this.total += 1;
    let held = true;
    return {
      release: () => {
        if (!held) return;
        held = false;
        this.total -= 1;
        const left = (this.running.get(workspaceId) ?? 1) - 1;
        if (left > 0) this.running.set(workspaceId, left);
        else this.running.delete(workspaceId);
      },
    };
  }
}
