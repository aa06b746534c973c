/** Where bull-board is mounted: outside /api, its own page. */
export const QUEUE_BOARD_PATH = '/admin/queues';
