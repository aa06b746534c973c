import { QueryClient, QueryObserver } from '@tanstack/react-query';
import type { NoteItem, StreamEvent } from '@resonance/contracts';
import { applyLiveEvent } from '../src/features/inbox/apply-live-event';
import { notesQueryOptions } from '../src/features/inbox/list-notes';

/**
 * A live event against a fetch of the same data already in flight (applyLiveEvent → writeFresh),
 * with a real query cache: the fetch was asked before the event's change and answers after it, as
 * on a busy machine. Its answer must not put the older state back.
 */
describe('a live event while a fetch of the same data is in flight', () => {
  const note = { id: '7', threadId: '1', text: 'Bitte zurückrufen' } as NoteItem;

  it('keeps the event: the stale fetch is replaced by one asked after the event', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    // What the API answers: before the note was written, then after it.
    let stored: NoteItem[] = [];
    const answers: Array<() => void> = [];
    const observer = new QueryObserver(client, {
      queryKey: notesQueryOptions('1').queryKey,
      queryFn: () => {
        const snapshot = stored;
        return new Promise<NoteItem[]>((resolve) => answers.push(() => resolve(snapshot)));
      },
    });
    const off = observer.subscribe(() => undefined);
    answers.shift()?.();
    await new Promise((r) => setTimeout(r, 10));
    expect(client.getQueryData(notesQueryOptions('1').queryKey)).toEqual([]);

    // A refetch is asked (a focus, a reconnect), then the colleague's note is stored and announced.
    void client.invalidateQueries({ queryKey: notesQueryOptions('1').queryKey });
    await new Promise((r) => setTimeout(r, 10));
    const stale = answers.shift();
    stored = [note];
    applyLiveEvent(client, { type: 'note.created', threadId: '1', note } satisfies StreamEvent, { changed: () => undefined });
    expect(client.getQueryData(notesQueryOptions('1').queryKey)).toEqual([note]);
    // The old fetch answers late (without the note); the one asked after the event answers too.
    stale?.();
    await new Promise((r) => setTimeout(r, 10));
    for (let answer = answers.shift(); answer; answer = answers.shift()) answer();
    await new Promise((r) => setTimeout(r, 10));
    expect(client.getQueryData(notesQueryOptions('1').queryKey)).toEqual([note]);
    off();
    client.clear();
  });
});
