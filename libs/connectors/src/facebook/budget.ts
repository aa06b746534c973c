import { arr, num, obj } from '@resonance/contracts';
import type { BudgetState } from '../budget';

const percentOf = (v: unknown): number[] => {
  const o = obj(v);
  return ['call_count', 'total_cputime', 'total_time', 'acc_id_util_pct'].map((k) => o[k]).filter((n): n is number => typeof n === 'number');
};

function parseHeader(headers: Headers, name: string): unknown {
  const value = headers.get(name);
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/**
 * Facebook's usage headers → budget: X-App-Usage and X-Page-Usage ({call_count, total_cputime,
 * total_time} in percent of the hourly budget) and X-Business-Use-Case-Usage ({id: [{type, …,
 * estimated_time_to_regain_access (minutes)}]}). The highest percentage counts; a regain time
 * above zero pauses calls until then. Headers absent → the previous state stands.
 */
export function readFacebookBudget(headers: Headers, previous: BudgetState | undefined, now: number): BudgetState | undefined {
  const percents: number[] = [];
  let regainMinutes = 0;
  let seen = false;
  for (const name of ['x-app-usage', 'x-page-usage']) {
    const v = parseHeader(headers, name);
    if (v !== undefined) {
      seen = true;
      percents.push(...percentOf(v));
    }
  }
  const buc = parseHeader(headers, 'x-business-use-case-usage');
  if (buc && typeof buc === 'object') {
    seen = true;
    for (const entries of Object.values(obj(buc))) {
      for (const e of arr(entries)) {
        percents.push(...percentOf(e));
        const regain = num(obj(e).estimated_time_to_regain_access);
        if (regain !== undefined) regainMinutes = Math.max(regainMinutes, regain);
      }
    }
  }
  if (!seen) return previous;
  const usedPercent = percents.length ? Math.max(...percents) : 0;
  const state: BudgetState = { usedPercent, readAt: now };
  if (regainMinutes > 0 && usedPercent >= 100) state.pausedUntil = now + regainMinutes * 60_000;
  else if (usedPercent >= 100) state.pausedUntil = now + 60_000;
  return state;
}
