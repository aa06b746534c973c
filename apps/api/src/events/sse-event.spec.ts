import type { WorkspaceEvent } from './live-event';
import { toSseEvent } from './sse-event';

describe('toSseEvent', () => {
  const event: WorkspaceEvent = { type: 'inbox.changed', count: 3, lastMessageId: '42', workspaceId: 'w-1', eventId: 'e-1' };

  it('is the event without its routing fields, as JSON text with its id and type', () => {
    const sse = toSseEvent(event);
    expect(sse).toEqual({ id: 'e-1', type: 'inbox.changed', data: '{"type":"inbox.changed","count":3,"lastMessageId":"42"}' });
  });

  it('serializes an event once, however many streams write it', () => {
    const copy: WorkspaceEvent = { ...event, eventId: 'e-2' };
    const first = toSseEvent(copy);
    for (let stream = 0; stream < 200; stream++) expect(toSseEvent(copy)).toBe(first);
  });
});
