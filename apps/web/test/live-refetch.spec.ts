import { QueryClient, QueryObserver, InfiniteQueryObserver } from '@tanstack/react-query';
import { LIVE_REFETCH_INTERVAL_MS, LiveRefetchPolicy, type StreamEvent } from '@resonance/contracts';
import { applyLiveEvent, refetchLive } from '../src/features/inbox/apply-live-event';

/**
 * The dashboard's live refetch (use-live-events.ts: applyLiveEvent + LiveRefetchPolicy +
 * refetchLive) with a real query cache: an inbox list and an open thread on screen, and the api's
 * flood of inbox.changed (one every 250 ms while 2,000 comments a second arrive).
 */
describe('a flood of live changes', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function screen() {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    const calls = { list: 0, thread: 0, messages: 0 };
    const list = new InfiniteQueryObserver(client, {
      queryKey: ['threads', 'list', { status: 'open' }],
      queryFn: () => {
        calls.list += 1;
        return Promise.resolve({ items: [], nextCursor: null });
      },
      initialPageParam: null as string | null,
      getNextPageParam: () => null,
    });
    const thread = new QueryObserver(client, {
      queryKey: ['threads', 'detail', '1'],
      queryFn: () => {
        calls.thread += 1;
        return Promise.resolve({ id: '1' });
      },
    });
    const messages = new QueryObserver(client, {
      queryKey: ['threads', 'messages', '1'],
      queryFn: () => {
        calls.messages += 1;
        return Promise.resolve({ pages: [], pageParams: [] });
      },
    });
    const off = [list.subscribe(() => undefined), thread.subscribe(() => undefined), messages.subscribe(() => undefined)];
    const policy = new LiveRefetchPolicy((scope) => refetchLive(client, scope));
    return {
      client,
      calls,
      policy,
      close: () => {
        policy.stop();
        off.forEach((f) => f());
        client.clear();
      },
    };
  }

  it('inbox.changed every 250 ms for a minute refetches the screen at most once per interval', async () => {
    const s = screen();
    await jest.advanceTimersByTimeAsync(100);
    const first = { ...s.calls };
    expect(first).toEqual({ list: 1, thread: 1, messages: 1 });
    for (let i = 0; i < 240; i += 1) {
      applyLiveEvent(s.client, { type: 'inbox.changed', count: 500, lastMessageId: String(1_000 + i) } satisfies StreamEvent, s.policy);
      await jest.advanceTimersByTimeAsync(250);
    }
    await jest.advanceTimersByTimeAsync(2 * LIVE_REFETCH_INTERVAL_MS);
    const most = Math.ceil(60_000 / LIVE_REFETCH_INTERVAL_MS) + 1;
    // Before: every inbox.changed refetched at once, 240 times each.
    expect(s.calls.list - first.list).toBeGreaterThanOrEqual(2);
    expect(s.calls.list - first.list).toBeLessThanOrEqual(most);
    expect(s.calls.thread - first.thread).toBeLessThanOrEqual(most);
    expect(s.calls.messages - first.messages).toBeLessThanOrEqual(most);
    s.close();
  });

  it('one message after a quiet spell refreshes the list within a second, the open thread not', async () => {
    const s = screen();
    await jest.advanceTimersByTimeAsync(100);
    applyLiveEvent(s.client, { type: 'message.created', threadId: '2', message: { id: '9', threadId: '2' } as never } satisfies StreamEvent, s.policy);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(s.calls).toEqual({ list: 2, thread: 1, messages: 1 });
    s.close();
  });
});
