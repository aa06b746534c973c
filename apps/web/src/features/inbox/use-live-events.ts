import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { LIVE_EVENT_TYPES, LiveRefetchPolicy, type StreamEvent } from '@resonance/contracts';
import { liveSignal } from '../../shared/time/stall';
import { applyLiveEvent, refetchLive } from './apply-live-event';

export { PRESENCE_KEY } from './apply-live-event';

/** `stalled`: open, but silent past a missed heartbeat (amber); `lost`: closed or silent past two (red). */
export type LiveState = 'connecting' | 'live' | 'stalled' | 'lost';

/**
 * Keeps the inbox live: subscribes to GET /api/events (server-sent events) and writes what arrives
 * into the query cache, so lists, conversations and delivery states update without reload. The
 * browser's EventSource reconnects by itself after an error; after a gap everything on screen is
 * refetched. A frozen api closes nothing, so the stream's silence is watched too (the api pings
 * every 15 s): a missed ping shows as stalled, a second one as lost, and the stream is reopened.
 */
export function useLiveEvents(): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let lastSignal = Date.now();
    let open = false;
    // At most one refetch every few seconds while changes stream (LiveRefetchPolicy).
    const refetch = new LiveRefetchPolicy((scope) => refetchLive(client, scope));
    let hadError = false;
    let source: EventSource;
    const onEvent = (raw: MessageEvent<string>) => {
      lastSignal = Date.now();
      if (open) setState('live');
      let event: StreamEvent;
      try {
        event = JSON.parse(raw.data) as StreamEvent;
      } catch {
        return;
      }
      if (applyLiveEvent(client, event, refetch)) setState('live');
    };
    const connect = () => {
      source = new EventSource('/api/events', { withCredentials: true });
      source.onopen = () => {
        open = true;
        lastSignal = Date.now();
        setState('live');
        if (hadError) void client.invalidateQueries({ queryKey: ['threads'] });
        hadError = false;
      };
      source.onerror = () => {
        open = false;
        hadError = true;
        setState('lost');
      };
      for (const type of LIVE_EVENT_TYPES) source.addEventListener(type, onEvent as EventListener);
      source.onmessage = onEvent;
    };
    connect();
    const watch = setInterval(() => {
      if (!open) return;
      const signal = liveSignal(Date.now() - lastSignal);
      if (signal === 'slow') setState('stalled');
      if (signal === 'down') {
        // Silent past two pings: the connection is dead without knowing it. Open a new one.
        open = false;
        hadError = true;
        setState('lost');
        source.close();
        lastSignal = Date.now();
        connect();
      }
    }, 2_000);
    return () => {
      clearInterval(watch);
      source.close();
      refetch.stop();
    };
  }, [client]);

  return state;
}
