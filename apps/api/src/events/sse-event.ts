import type { MessageEvent } from '@nestjs/common';
import type { WorkspaceEvent } from './live-event';

/**
 * Each stream's SSE writer turns `data` into JSON unless it is a string already. One event goes to
 * every open stream of its workspace (200 dashboards: 200 copies of the same JSON, the api's
 * largest cost per event in bench --agents), so it is serialized once, the first time a stream
 * writes it, and every stream writes that text. Keyed by the event object the bus hands to all
 * subscribers, so the cache lives as long as the event does.
 */
const serialized = new WeakMap<WorkspaceEvent, MessageEvent>();

export function toSseEvent(event: WorkspaceEvent): MessageEvent {
  let sse = serialized.get(event);
  if (!sse) {
    const { workspaceId: _, eventId, ...data } = event;
    // JSON.stringify escapes line breaks, so the text is one `data:` line as before.
    sse = { id: eventId, type: event.type, data: JSON.stringify(data) };
    serialized.set(event, sse);
  }
  return sse;
}
