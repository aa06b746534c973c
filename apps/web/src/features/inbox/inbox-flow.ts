import { createContext, useContext } from 'react';
import type { ThreadItem } from '@resonance/contracts';
import { useUpdateThread } from './update-thread';

/** What the inbox page does around one thread's actions: after a close, open the next waiting thread. */
export interface InboxFlow {
  afterClose(threadId: string): void;
}

export const InboxFlowContext = createContext<InboxFlow>({ afterClose: () => undefined });

/**
 * The next thread of the view that waits on us after `closedId`: the first waiting one below it in
 * the list (so in "oldest waiting first" the next-oldest), else the first above. When the closed
 * thread already left the list, `lastIndex` is where it was.
 */
export function nextWaitingThread(threads: readonly ThreadItem[], closedId: string, lastIndex: number): ThreadItem | undefined {
  const waits = (th: ThreadItem) => th.id !== closedId && th.waitingSince !== null && th.status !== 'closed';
  const at = threads.findIndex((th) => th.id === closedId);
  const from = at >= 0 ? at + 1 : Math.max(lastIndex, 0);
  return threads.slice(from).find(waits) ?? threads.slice(0, from).find(waits);
}

/** Closes the thread (PATCH status closed); when it worked, the inbox moves on to the next waiting thread. */
export function useCloseThread(threadId: string) {
  const update = useUpdateThread(threadId);
  const flow = useContext(InboxFlowContext);
  return {
    close: () => update.mutate({ kind: 'status', status: 'closed' }, { onSuccess: () => flow.afterClose(threadId) }),
    ...update,
  };
}
