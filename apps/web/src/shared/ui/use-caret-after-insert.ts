import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Places a textarea's caret after text a component inserted (a mention, a canned response), in the
 * task that renders the new value. A timer ran later: the browser handles input before timers, so a
 * key typed right after the insert landed first and the timer then put the caret back in front of it
 * ("@Alex Admin as ….h"). Returns the function that says where the caret goes once `value` is shown.
 */
export function useCaretAfterInsert(ref: RefObject<HTMLTextAreaElement | null>, value: string): (at: number) => void {
  const pending = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = pending.current;
    const el = ref.current;
    if (at === null || el?.value !== value) return;
    pending.current = null;
    el.focus();
    el.setSelectionRange(at, at);
  }, [ref, value]);
  return (at) => {
    pending.current = at;
  };
}
