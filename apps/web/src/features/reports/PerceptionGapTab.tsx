import { Box, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { NETWORKS, POST_TOPICS, type GapSide, type PerceptionGapTopicRow, type PostTopic } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { DefinitionToggle } from './DefinitionToggle';
import { GapDrillDown } from './GapDrillDown';
import { gapBarParam, parseGapBar } from './gap-items';
import { reportCsvUrl, useReport } from './get-report';
import { RegularsSection } from './RegularsSection';
import { customRange, type ReportFilters } from './report-filters';
import { ResponseByIntentSection } from './ResponseByIntentSection';

/** Blue for the company's posts, orange for what customers ask (both ≥ 3:1 against white, WCAG 1.4.11). */
const POSTS_COLOR = '#3b5bdb';
const MESSAGES_COLOR = '#d9480f';

/**
 * The perception gap tab of the reports (issue 23): what the company posts about against what its
 * customers ask for, per topic, with the gap in percentage points; each bar and row opens the posts
 * or messages behind it (kept in the URL as ?gap=<side>:<topic>, beside the period). Below it the
 * response time by intent and the regulars.
 */
export function PerceptionGapTab({ filters }: { filters: ReportFilters }) {
  const { t, formatNumber, formatDateTime } = useI18n();
  const [params, setParams] = useSearchParams();
  const total = useReport('perception-gap', { ...filters, interval: 'total', groupBy: undefined });
  const byNetwork = useReport('perception-gap', { ...filters, interval: 'total', groupBy: 'network' });
  const bar = parseGapBar(params.get('gap'));
  const open = (side: GapSide, topic: PostTopic) => {
    const next = new URLSearchParams(params);
    next.set('gap', gapBarParam(side, topic));
    setParams(next, { replace: true });
  };
  const close = () => {
    const next = new URLSearchParams(params);
    next.delete('gap');
    setParams(next, { replace: true });
  };
  const pct = (share: number) => formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
  const points = (gap: number) => t('gap.points', { value: formatNumber(gap, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }) });
  const range = customRange(filters.period);
  const periodLabel = range
    ? `${formatDateTime(`${range.from}T12:00:00Z`, { dateStyle: 'medium' })} – ${formatDateTime(`${range.to}T12:00:00Z`, { dateStyle: 'medium' })}`
    : ((['7d', '30d', '90d'] as const).map((p) => (p === filters.period ? t(`reports.period.${p}`) : null)).find((x) => x) ?? filters.period);

  if (total.isPending) return <LoadingState />;
  if (total.isError) return <ErrorState error={total.error} onRetry={() => void total.refetch()} path="/api/reports/perception-gap" />;
  const rows = POST_TOPICS.map((topic) => total.data.rows.find((r) => r.topic === topic)).filter((r): r is PerceptionGapTopicRow => r !== undefined);
  const deals = rows.find((r) => r.topic === 'deals');
  const hasData = rows.some((r) => r.posts + r.messages > 0);
  const chart = rows.map((r) => ({ topic: r.topic, label: t(`gap.topic.${r.topic}`), posts: r.postsShare * 100, messages: r.messagesShare * 100 }));
  const networks = NETWORKS.filter((n) => byNetwork.data?.rows.some((r) => r.network === n && r.posts + r.messages > 0));

  return (
    <Stack>
      <Card withBorder component="section" aria-labelledby="gap-title" data-testid="perception-gap">
        <Group justify="space-between" mb="xs" wrap="wrap">
          <Title order={2} size="h4" id="gap-title">
            {t('gap.title')}
          </Title>
          <Button size="xs" variant="default" component="a" href={reportCsvUrl('perception-gap', filters)} download data-testid="csv-perception-gap">
            {t('gap.exportGap')}
          </Button>
        </Group>
        {!hasData ? (
          <EmptyState>{t('gap.noHeadline')}</EmptyState>
        ) : (
          <>
            <Text size="md" fw={500} mb="sm" data-testid="gap-headline">
              {t('gap.headline', { messages: pct(deals?.messagesShare ?? 0), posts: pct(deals?.postsShare ?? 0) })}
            </Text>
            <Box h={280} data-testid="gap-chart" role="img" aria-label={t('gap.chartLabel')}>
              <ResponsiveContainer>
                <BarChart data={chart} margin={{ left: -16, right: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
                  <YAxis unit=" %" allowDecimals={false} tick={{ fontSize: 12 }} />
                  <Tooltip formatter={(value) => (typeof value === 'number' ? `${formatNumber(value, { maximumFractionDigits: 0 })} %` : String(value))} />
                  <Legend />
                  <Bar
                    dataKey="posts"
                    name={t('gap.postsShare')}
                    fill={POSTS_COLOR}
                    cursor="pointer"
                    onClick={(_, index) => {
                      const topic = chart[index]?.topic;
                      if (topic) open('posts', topic);
                    }}
                  />
                  <Bar
                    dataKey="messages"
                    name={t('gap.messagesShare')}
                    fill={MESSAGES_COLOR}
                    cursor="pointer"
                    onClick={(_, index) => {
                      const topic = chart[index]?.topic;
                      if (topic) open('messages', topic);
                    }}
                  />
                </BarChart>
              </ResponsiveContainer>
            </Box>
            <Table.ScrollContainer minWidth={560}>
              <Table striped data-testid="gap-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('gap.topicColumn')}</Table.Th>
                    <Table.Th scope="col">{t('gap.postsColumn')}</Table.Th>
                    <Table.Th scope="col">{t('gap.messagesColumn')}</Table.Th>
                    <Table.Th scope="col">{t('gap.gapColumn')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.topic} data-topic={r.topic}>
                      <Table.Th scope="row" fw={500}>
                        {t(`gap.topic.${r.topic}`)}
                      </Table.Th>
                      <Table.Td>
                        <Stack gap={0} align="flex-start">
                          <Text size="sm">{t('gap.countShare', { count: formatNumber(r.posts), share: pct(r.postsShare) })}</Text>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            disabled={r.posts === 0}
                            onClick={() => open('posts', r.topic)}
                            data-testid={`gap-posts-${r.topic}`}
                          >
                            {t('gap.showPosts', { count: formatNumber(r.posts) })}
                          </Button>
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={0} align="flex-start">
                          <Text size="sm">{t('gap.countShare', { count: formatNumber(r.messages), share: pct(r.messagesShare) })}</Text>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            disabled={r.messages === 0}
                            onClick={() => open('messages', r.topic)}
                            data-testid={`gap-messages-${r.topic}`}
                          >
                            {t('gap.showMessages', { count: formatNumber(r.messages) })}
                          </Button>
                        </Stack>
                      </Table.Td>
                      <Table.Td fw={600} data-testid={`gap-points-${r.topic}`}>
                        {points(r.gapPoints)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
        <DefinitionToggle definition={t('gap.definition')} formula={t('gap.formula')} testId="gap-definition" />
      </Card>
      {bar && <GapDrillDown filters={filters} periodLabel={periodLabel} bar={bar} onClose={close} />}
      {networks.length > 1 && (
        <Card withBorder component="section" aria-labelledby="gap-per-network-title">
          <Text fw={600} size="sm" mb="xs" component="h2" m={0} id="gap-per-network-title">
            {t('gap.perNetwork')}
          </Text>
          <Table.ScrollContainer minWidth={420}>
            <Table striped data-testid="gap-per-network">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('gap.networkColumn')}</Table.Th>
                  {POST_TOPICS.map((topic) => (
                    <Table.Th scope="col" key={topic}>
                      {t(`gap.topic.${topic}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {networks.map((n) => (
                  <Table.Tr key={n}>
                    <Table.Th scope="row" fw={400}>
                      {t(`network.${n}`)}
                    </Table.Th>
                    {POST_TOPICS.map((topic) => {
                      const row = byNetwork.data?.rows.find((r) => r.network === n && r.topic === topic);
                      return <Table.Td key={topic}>{row ? points(row.gapPoints) : t('common.none')}</Table.Td>;
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <ResponseByIntentSection filters={filters} />
      <RegularsSection filters={filters} />
    </Stack>
  );
}
