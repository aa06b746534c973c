import { definePart } from '../part';

/** The admin page's link to the queue board (bull-board at /admin/queues; features/admin/QueueBoardLink.tsx). */
export const ops25 = definePart(
  {
    'admin.queueBoard': 'Job queues',
    'admin.queueBoardHint': 'Sync, ingest, replies and the other background jobs: what waits, what failed, retry it (bull-board, in English).',
  },
  {
    'admin.queueBoard': 'Job-Warteschlangen',
    'admin.queueBoardHint':
      'Abruf, Speichern, Antworten und die übrigen Hintergrundaufträge: was wartet, was fehlschlug, erneut versuchen (bull-board, auf Englisch).',
  },
);
