import { useEffect, useState } from 'react';

/**
 * The current time in ms, renewed every `everyMs`. Rendering must not read the clock itself
 * (React may render a component more than once, and each read would differ).
 */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
