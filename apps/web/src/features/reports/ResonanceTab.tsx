import { Anchor, Card, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { isNetwork, type ResonanceRow } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useReport } from './get-report';
import { Definition, Definitions, Kpi, NoData } from './parts';
import type { ReportTabProps } from './report-filters';
import { emptyWhere, trendOf } from './report-format';

/** Comment resonance: the headline numbers with trends, and the top posts by the stated measure, each opening its comments. */
export function ResonanceTab({ filters, step, openDrill }: ReportTabProps) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const report = useReport('resonance', { ...filters, interval: 'total' });
  const trend = useReport('resonance', { ...filters, interval: step });
  if (report.isPending) return <LoadingState />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} path="/api/reports/resonance" />;
  const d = report.data.definitions;
  const row = report.data.rows[0];
  const n = (v: number | null | undefined, o?: Intl.NumberFormatOptions) => (v === null || v === undefined ? t('common.none') : formatNumber(v, o));
  const rows = trend.data?.rows;
  const series = (value: (r: ResonanceRow) => number | null | undefined, o?: Intl.NumberFormatOptions) => ({
    points: trendOf(rows, value),
    format: (v: number) => formatNumber(v, o),
  });
  const why = emptyWhere(i18n, report.data.params, filters.network);
  // Per 1,000 followers where the networks give follower counts, else per 1,000 views; the label says which.
  const perFollowers = row?.commentsPer1000Followers ?? null;
  const per1000 = perFollowers !== null ? 'followers' : row?.commentsPer1000Views !== null && row?.commentsPer1000Views !== undefined ? 'views' : null;
  const posts = report.data.topPosts;
  return (
    <Stack>
      {!row ? (
        <NoData testId="no-data-comments">{t('reports.empty.comments', why)}</NoData>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="resonance-kpis">
          <Kpi
            label={t('reports.comments')}
            value={
              <Anchor component="button" type="button" inherit onClick={() => openDrill({ kind: 'comments' })} data-testid="drill-comments">
                {n(row.comments)}
              </Anchor>
            }
            definition="comments"
            trend={series((r) => r.comments)}
          />
          <Kpi label={t('reports.uniqueCommenters')} value={n(row.uniqueCommenters)} definition="uniqueCommenters" trend={series((r) => r.uniqueCommenters)} />
          <Kpi
            label={t('reports.returningCommenters')}
            value={n(row.returningCommenters)}
            definition="returningCommenters"
            trend={series((r) => r.returningCommenters)}
          />
          <Kpi
            label={per1000 === 'views' ? t('reports.per1000Views') : t('reports.per1000Followers')}
            value={n(per1000 === 'views' ? row.commentsPer1000Views : perFollowers, { maximumFractionDigits: 2 })}
            note={per1000 === null ? t('reports.per1000None') : null}
            definition="perThousand"
            trend={series((r) => (per1000 === 'views' ? r.commentsPer1000Views : r.commentsPer1000Followers), { maximumFractionDigits: 2 })}
            testId="kpi-per1000"
          />
          <Kpi
            label={t('reports.shareAnswered')}
            value={n(row.shareAnswered, { style: 'percent' })}
            definition="shareAnswered"
            trend={series((r) => r.shareAnswered, { style: 'percent' })}
          />
          <Kpi
            label={t('reports.sentiment')}
            value={n(row.sentiment, { maximumFractionDigits: 2, signDisplay: 'exceptZero' })}
            definition="sentiment"
            trend={series((r) => r.sentiment, { maximumFractionDigits: 2 })}
          />
        </SimpleGrid>
      )}
      <Card withBorder>
        <Text fw={600} size="sm">
          {t('reports.topPosts')}
        </Text>
        <Text size="xs" c="dimmed" mb="xs" data-testid="ranked-by">
          {t('reports.top.rankedBy')}
        </Text>
        {posts.length === 0 ? (
          <NoData testId="no-data-posts">{t('reports.empty.posts', why)}</NoData>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover data-testid="top-posts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.top.rank')}</Table.Th>
                  <Table.Th>{t('reports.top.network')}</Table.Th>
                  <Table.Th>{t('reports.top.post')}</Table.Th>
                  <Table.Th>{t('reports.top.published')}</Table.Th>
                  <Table.Th ta="right">{t('reports.top.reactions')}</Table.Th>
                  <Table.Th ta="right">{t('reports.top.comments')}</Table.Th>
                  <Table.Th ta="right">{t('reports.top.shares')}</Table.Th>
                  <Table.Th ta="right">{t('reports.top.measure')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {posts.map((p, i) => (
                  <Table.Tr
                    key={p.id}
                    data-testid="top-post"
                    data-measure={p.engagementPer1000Followers ?? ''}
                    style={{ cursor: 'pointer' }}
                    onClick={() => openDrill({ kind: 'post', post: p.id })}
                  >
                    <Table.Td>{formatNumber(i + 1)}</Table.Td>
                    <Table.Td>{isNetwork(p.network) ? t(`network.${p.network}`) : p.network}</Table.Td>
                    <Table.Td style={{ maxWidth: 360 }}>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        ta="left"
                        title={t('reports.top.open')}
                        onClick={(e) => {
                          e.stopPropagation();
                          openDrill({ kind: 'post', post: p.id });
                        }}
                        data-testid="top-post-open"
                      >
                        <Text size="sm" lineClamp={2} inherit>
                          {p.text}
                        </Text>
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{i18n.formatDateTime(p.published_at, { dateStyle: 'medium' })}</Table.Td>
                    <Table.Td ta="right">{n(p.reactions)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(Math.max(p.comments ?? 0, p.our_comments))}</Table.Td>
                    <Table.Td ta="right">{n(p.shares)}</Table.Td>
                    <Table.Td ta="right" data-testid="top-post-measure">
                      {p.engagementPer1000Followers === null
                        ? t('reports.top.noFollowers')
                        : formatNumber(p.engagementPer1000Followers, { maximumFractionDigits: 2 })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Definition name="topPosts" />
      </Card>
      <Definitions definitions={d} title={t('reports.definition')} />
    </Stack>
  );
}
