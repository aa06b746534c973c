import { useCallback, useMemo, useRef, useState } from 'react';
import type { ThreadItem } from '@resonance/contracts';

export interface ThreadSelection {
  ids: string[];
  has(id: string): boolean;
  /** Click on a row's checkbox: toggles it; with `range`, selects every row from the last clicked one to this one. */
  toggle(id: string, range: boolean): void;
  /** Adds these threads (Shift+J/K). */
  add(...ids: string[]): void;
  clear(): void;
}

/** The threads picked for a bulk change (web state only; ids of threads that left the list are dropped). */
export function useThreadSelection(threads: ThreadItem[]): ThreadSelection {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);
  // Only what is still in the list counts: a thread that left the view cannot be changed unseen.
  const ids = useMemo(() => threads.filter((th) => picked.has(th.id)).map((th) => th.id), [threads, picked]);
  const visible = useMemo(() => new Set(ids), [ids]);

  const toggle = useCallback(
    (id: string, range: boolean) => {
      const from = anchor.current === null ? -1 : threads.findIndex((th) => th.id === anchor.current);
      const to = threads.findIndex((th) => th.id === id);
      setPicked((old) => {
        const next = new Set(old);
        if (range && from >= 0 && to >= 0) {
          for (const th of threads.slice(Math.min(from, to), Math.max(from, to) + 1)) next.add(th.id);
        } else if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      anchor.current = id;
    },
    [threads],
  );
  const add = useCallback((...more: string[]) => {
    setPicked((old) => new Set([...old, ...more]));
    anchor.current = more.at(-1) ?? anchor.current;
  }, []);
  const clear = useCallback(() => {
    setPicked(new Set());
    anchor.current = null;
  }, []);
  return useMemo(() => ({ ids, has: (id: string) => visible.has(id), toggle, add, clear }), [ids, visible, toggle, add, clear]);
}
