import { ApiError } from '../../shared/api/http';
import type { MessageKey } from '../../shared/i18n/dictionary';

/** Thread priorities 0–3 (PATCH /api/threads/:id priority) and their words. */
export const PRIORITY_KEYS = ['triage.priority.0', 'triage.priority.1', 'triage.priority.2', 'triage.priority.3'] as const satisfies readonly MessageKey[];
export const PRIORITY_COLORS = ['gray', 'blue', 'orange', 'red'] as const;

/** What a failed triage request says to the user, in their language (never the API's English text). */
export function triageErrorKey(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'triage.error.other';
  if (error.isNetwork) return 'triage.error.network';
  switch (error.status) {
    case 400:
      return 'triage.error.400';
    case 403:
      return 'triage.error.403';
    case 404:
      return 'triage.error.404';
    case 409:
      return 'triage.error.409';
    default:
      return 'triage.error.other';
  }
}
