import type { BudgetState } from '../budget';
import { readFacebookBudget } from '../facebook/budget';

/**
 * Instagram's usage headers are Meta's: X-Business-Use-Case-Usage ({ig-user-id: [{type:
 * "instagram", call_count, total_cputime, total_time (percent), estimated_time_to_regain_access
 * (minutes)}]}) and, on graph.instagram.com, X-App-Usage. The same reading as Facebook's: the
 * highest percentage counts (the shared budget slows calls down well before 100), a regain time
 * pauses calls until then.
 */
export function readInstagramBudget(headers: Headers, previous: BudgetState | undefined, now: number): BudgetState | undefined {
  return readFacebookBudget(headers, previous, now);
}
