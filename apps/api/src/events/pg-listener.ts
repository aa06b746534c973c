import { Client } from 'pg';

/**
 * One dedicated PostgreSQL connection that LISTENs on some channels, and reconnects (then calls
 * onReconnect, since notifications sent while it was away are lost) when the connection drops.
 */
export class PgListener {
  private client: Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly channels: string[],
    private readonly onNotify: (channel: string, payload: string) => void,
    private readonly onReconnect: () => void,
    private readonly log: (message: string) => void,
  ) {}

  /** True while the connection LISTENs (false from a drop until the reconnect's LISTENs are done). */
  get connected(): boolean {
    return this.client !== null && !this.closed;
  }

  async start(): Promise<void> {
    await this.connect(false);
  }

  private async connect(again: boolean): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'resonance-api-listen' });
    client.on('notification', (n) => this.onNotify(n.channel, n.payload ?? ''));
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client));
    await client.connect();
    for (const channel of this.channels) await client.query(`LISTEN ${channel}`);
    this.client = client;
    if (again) this.onReconnect();
  }

  private dropped(client: Client, error?: Error): void {
    if (this.closed || this.client !== client) return;
    this.client = null;
    this.log(`live-events listener lost its database connection${error ? `: ${error.message}` : ''}; reconnecting`);
    client.end().catch(() => undefined);
    const attempt = () => {
      this.retry = undefined;
      if (this.closed) return;
      this.connect(true).catch(() => {
        this.retry = setTimeout(attempt, 1_000);
      });
    };
    this.retry = setTimeout(attempt, 200);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
