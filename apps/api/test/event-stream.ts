import { get, type IncomingMessage } from 'node:http';

/** One server-sent event as a dashboard receives it, with the time it arrived. */
export interface ReceivedEvent<D> {
  event: string;
  data: D;
  at: number;
}

/** A minimal EventSource: opens GET /api/events with the session's cookie and collects its events. */
export function subscribe<D = Record<string, unknown>>(
  baseUrl: string,
  cookie: string,
): Promise<{ events: Array<ReceivedEvent<D>>; close: () => void; status: number }> {
  return new Promise((resolve, reject) => {
    const req = get(`${baseUrl}/api/events`, { headers: { Cookie: cookie, Accept: 'text/event-stream' } }, (res: IncomingMessage) => {
      const events: Array<ReceivedEvent<D>> = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (data) events.push({ event, data: JSON.parse(data) as D, at: Date.now() });
        }
      });
      res.on('error', () => undefined);
      resolve({ events, status: res.statusCode ?? 0, close: () => req.destroy() });
    });
    req.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
  });
}
