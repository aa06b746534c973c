import { useMediaQuery } from '@mantine/hooks';

/**
 * Below this width the dashboard shows one pane at a time (issue 24): the menu behind a button,
 * the inbox as list → thread → back, the customer panel in a drawer. Kept in pixels like the
 * AppShell breakpoint in app/Layout.tsx, which collapses the menu at the same width.
 */
export const NARROW_MAX_PX = 899;
const QUERY = `(max-width: ${NARROW_MAX_PX}.98px)`;

/** True on a narrow screen (phones, small tablets, a narrow window); follows resizes. */
export function useNarrow(): boolean {
  // Read on the first render (no server rendering here), so a phone never draws the desktop layout first.
  return useMediaQuery(QUERY, window.matchMedia(QUERY).matches, { getInitialValueInEffect: false });
}
