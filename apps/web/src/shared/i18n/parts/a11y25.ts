import { definePart } from '../part';

/**
 * The narrow-screen layout (issue 24, "any screen"): the menu button of app/Layout.tsx and the
 * inbox's single pane (features/inbox/InboxLayout.tsx) — back to the list, the customer drawer.
 */
export const a11y25 = definePart(
  {
    'layout.menuOpen': 'Open menu',
    'layout.menuClose': 'Close menu',
    'inbox.backToList': 'Back to conversations',
    'inbox.showContact': 'Customer & notes',
  },
  {
    'layout.menuOpen': 'Menü öffnen',
    'layout.menuClose': 'Menü schließen',
    'inbox.backToList': 'Zurück zu den Unterhaltungen',
    'inbox.showContact': 'Kunde & Notizen',
  },
);
