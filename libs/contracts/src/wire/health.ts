/** GET /api/health (public): 200 when database and queue are up, 503 (same shape) otherwise. */
export interface HealthView {
  status: 'ok' | 'error';
  details: Record<string, { status: 'up' | 'down'; backend?: string; message?: string }>;
}
