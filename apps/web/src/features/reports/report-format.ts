import type { ReportParams } from '@resonance/contracts';
import { isNetwork } from '@resonance/contracts';
import type { I18n } from '../../shared/i18n/I18nProvider';
import type { TrendPoint } from './parts';

/** A report day (YYYY-MM-DD, workspace-local) as the user's locale writes a date. */
export const formatDay = (i18n: Pick<I18n, 'formatDateTime'>, day: string) => i18n.formatDateTime(`${day}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });

/** The words of a "no data" reason: the period's days and, when filtered, the network. */
export function emptyWhere(i18n: Pick<I18n, 't' | 'formatDateTime'>, params: Pick<ReportParams, 'from' | 'to'>, network: string | undefined) {
  return {
    from: formatDay(i18n, params.from),
    to: formatDay(i18n, params.to),
    where: network && isNetwork(network) ? i18n.t('reports.where', { network: i18n.t(`network.${network}`) }) : '',
  };
}

/** The trend of one number: a point per row of an interval report. */
export function trendOf<R extends { period: string; group: string | null }>(
  rows: readonly R[] | undefined,
  value: (row: R) => number | null | undefined,
): TrendPoint[] {
  return (rows ?? []).filter((r) => r.group === null).map((r) => ({ period: r.period, value: value(r) ?? null }));
}
