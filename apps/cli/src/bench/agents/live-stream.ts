import { request, type ClientRequest } from 'node:http';

export interface StreamEvent {
  type: string;
  data: string;
  atMs: number;
}

/**
 * One agent's live event stream (GET /api/events, server-sent events) on its own connection, as a
 * dashboard holds it. A watched stream hands every event to `onEvent` (its data still JSON text);
 * the others only count their events, so 200 streams cost the load generator little.
 */
export class LiveStream {
  events = 0;
  private req: ClientRequest | null = null;
  private buffer = '';

  constructor(
    private readonly url: string,
    private readonly cookie: string,
    private readonly onEvent: ((event: StreamEvent) => void) | null,
    /** Every event but `ready` and `ping` (its type): what makes a dashboard refetch. */
    private readonly onChange: (type: string) => void = () => undefined,
  ) {}

  /** Resolves once the stream answered 200 and sent its `ready` event. */
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      let ready = false;
      this.req = request(`${this.url}/api/events`, { headers: { cookie: this.cookie, accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`bench: the live stream answered ${res.statusCode}`));
          res.resume();
          return;
        }
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const atMs = performance.now();
          this.buffer += chunk;
          let end = this.buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = this.buffer.slice(0, end);
            this.buffer = this.buffer.slice(end + 2);
            this.events += 1;
            if (!ready && block.includes('event: ready')) {
              ready = true;
              resolve();
            }
            if (this.onEvent) this.onEvent(parseBlock(block, atMs));
            if (ready && !block.startsWith('event: ping') && !block.startsWith('event: ready')) this.onChange(eventType(block));
            end = this.buffer.indexOf('\n\n');
          }
        });
      });
      this.req.on('error', (error) => (ready ? undefined : reject(error)));
      this.req.end();
    });
  }

  close(): void {
    this.req?.destroy();
  }
}

/** The `event:` name of a block (the api writes it first), without parsing its data. */
function eventType(block: string): string {
  if (!block.startsWith('event: ')) return 'message';
  const end = block.indexOf('\n');
  return block.slice(7, end < 0 ? undefined : end);
}

function parseBlock(block: string, atMs: number): StreamEvent {
  let type = 'message';
  let data = '';
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) type = line.slice(7);
    else if (line.startsWith('data: ')) data += line.slice(6);
  }
  return { type, data, atMs };
}
