/**
 * GET /api/queue-board (admins): whether the signed-in admin may open bull-board, and where. It
 * is not when QUEUE_BOARD=off, when the queues run on PostgreSQL (no REDIS_URL), or when
 * QUEUE_BOARD_WORKSPACE names another workspace.
 */
export interface QueueBoardAccess {
  available: boolean;
  /** The board's page: a full page load, not a route of the dashboard. */
  path: string;
}
