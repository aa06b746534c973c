import type { ServerResponse } from 'node:http';

/**
 * A download written as it is produced: every write honours backpressure (waits for 'drain'), so
 * the api holds at most the socket's buffer per download, however slowly the client reads. A
 * client that reads nothing for `stallTimeoutMs` is cut off, so a stalled download cannot keep
 * its export slot and database connection for ever.
 */
export class StreamedDownload {
  private gone = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly stallTimeoutMs: number,
  ) {
    // 'close' before the end: the client disconnected (or the socket failed).
    res.once('close', () => {
      this.gone = true;
    });
  }

  /** False once the client has gone away: stop producing. */
  get open(): boolean {
    return !this.gone && !this.res.destroyed;
  }

  start(headers: Record<string, string>): void {
    this.res.writeHead(200, headers);
  }

  /** Writes a chunk; resolves false when the client went away or stalled (the caller stops). */
  write(chunk: string): Promise<boolean> {
    if (!this.open) return Promise.resolve(false);
    if (this.res.write(chunk)) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const settle = (drained: boolean) => {
        clearTimeout(timer);
        this.res.off('drain', onDrain);
        this.res.off('close', onClose);
        resolve(drained);
      };
      const onDrain = () => settle(true);
      const onClose = () => settle(false);
      const timer = setTimeout(() => {
        this.res.destroy();
        settle(false);
      }, this.stallTimeoutMs);
      this.res.on('drain', onDrain);
      this.res.on('close', onClose);
    });
  }

  end(): void {
    if (this.open) this.res.end();
  }

  /** Cuts the download off (an error after the first bytes: the client sees an incomplete transfer). */
  abort(): void {
    this.res.destroy();
  }
}
