import { useMemo } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Anchor, Box, Button, Card, Group, Select, SimpleGrid, Stack, Switch, Table, Tabs, Text, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import { INTENTS, NETWORKS, isNetwork, type ChannelHealthRow } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { reportCsvUrl, useReport, type ReportName } from './get-report';
import { Definitions, Kpi } from './parts';
import type { ReportFilters } from './report-filters';
import { IntentPrecision } from './IntentPrecision';

const TABS: Array<{ value: ReportName; key: 'reports.responseTimes' | 'reports.resonance' | 'reports.intents' | 'reports.health' }> = [
  { value: 'response-times', key: 'reports.responseTimes' },
  { value: 'resonance', key: 'reports.resonance' },
  { value: 'intents', key: 'reports.intents' },
  { value: 'channels-health', key: 'reports.health' },
];
const COLORS = ['#4c6ef5', '#f76707', '#12b886', '#fa5252', '#be4bdb', '#868e96'];
const DAY = 86_400_000;

/** The period before the chosen one, as the API's "from..to" range. */
function previousPeriod(from: string, to: string): string {
  const a = new Date(`${from}T00:00:00Z`).getTime();
  const b = new Date(`${to}T00:00:00Z`).getTime();
  const days = Math.round((b - a) / DAY) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return `${iso(a - days * DAY)}..${iso(a - DAY)}`;
}

/** A health table cell: numbers and strings as they are, anything else as JSON (never "[object Object]"). */
const cellText = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);

export function ReportsPage() {
  const { t } = useI18n();
  const { tab = 'response-times' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? '';
  const network = params.get('network');
  const filters: ReportFilters = {
    period: ['7d', '30d', '90d'].includes(period) ? period : '30d',
    network: isNetwork(network) ? network : undefined,
  };
  const compare = params.get('compare') === '1';
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const active = (TABS.find((x) => x.value === tab) ?? TABS[0]).value;

  return (
    <Box p="lg" style={{ overflowY: 'auto' }}>
      <Group justify="space-between" mb="md">
        <Title order={1} size="h3">
          {t('reports.title')}
        </Title>
        <Group gap="xs">
          <Select
            size="xs"
            w={150}
            aria-label={t('reports.period')}
            data={(['7d', '30d', '90d'] as const).map((p) => ({ value: p, label: t(`reports.period.${p}`) }))}
            value={filters.period}
            onChange={(v) => set('period', v)}
            allowDeselect={false}
          />
          <Select
            size="xs"
            w={140}
            aria-label={t('inbox.network')}
            placeholder={t('inbox.network')}
            clearable
            data={NETWORKS.map((n) => ({ value: n, label: t(`network.${n}`) }))}
            value={filters.network ?? null}
            onChange={(v) => set('network', v)}
          />
          <Switch size="xs" label={t('reports.compare')} checked={compare} onChange={(e) => set('compare', e.currentTarget.checked ? '1' : null)} />
          <Button size="xs" variant="default" component="a" href={reportCsvUrl(active, filters)} download data-testid="csv-export">
            {t('reports.exportCsv')}
          </Button>
        </Group>
      </Group>
      <Tabs
        value={active}
        onChange={(v) => {
          if (v) void navigate({ pathname: `/reports/${v}`, search: params.toString() });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {TABS.map((x) => (
            <Tabs.Tab key={x.value} value={x.value} data-testid={`tab-${x.value}`}>
              {t(x.key)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="response-times">
          <ResponseTimes filters={filters} compare={compare} />
        </Tabs.Panel>
        <Tabs.Panel value="resonance">
          <Resonance filters={filters} />
        </Tabs.Panel>
        <Tabs.Panel value="intents">
          <Intents filters={filters} />
        </Tabs.Panel>
        <Tabs.Panel value="channels-health">
          <Health filters={filters} />
        </Tabs.Panel>
      </Tabs>
    </Box>
  );
}

function ResponseTimes({ filters, compare }: { filters: ReportFilters; compare: boolean }) {
  const { t, formatDuration, formatNumber } = useI18n();
  const navigate = useNavigate();
  const total = useReport('response-times', { ...filters, interval: 'total' });
  const byNetwork = useReport('response-times', { ...filters, interval: 'total', groupBy: 'network' });
  const prevRange = total.data ? previousPeriod(total.data.params.from, total.data.params.to) : null;
  const previous = useReport('response-times', { ...filters, period: prevRange ?? filters.period, interval: 'total' });
  if (total.isPending) return <LoadingState />;
  if (total.isError) return <ErrorState error={total.error} onRetry={() => void total.refetch()} path="/api/reports/response-times" />;
  const d = total.data.definitions;
  const row = total.data.rows[0];
  const prev = compare && prevRange && previous.data ? previous.data.rows[0] : undefined;
  const dur = (v: number | null | undefined) => (v === null || v === undefined ? t('common.none') : formatDuration(v));
  const pct = (v: number | null | undefined) =>
    v === null || v === undefined ? t('common.none') : formatNumber(v, { style: 'percent', maximumFractionDigits: 0 });
  const was = (v: string) => (compare ? t('reports.previous', { value: v }) : null);
  const chart = (byNetwork.data?.rows ?? []).map((r) => ({
    group: r.group ?? '',
    label: r.group && isNetwork(r.group) ? t(`network.${r.group}`) : (r.group ?? ''),
    median: r.firstResponse.median !== null ? Math.round(r.firstResponse.median / 60) : null,
    p90: r.firstResponse.p90 !== null ? Math.round(r.firstResponse.p90 / 60) : null,
  }));
  return (
    <Stack>
      {!row ? (
        <EmptyState>{t('reports.empty')}</EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} data-testid="response-kpis">
          <Kpi
            label={`${t('reports.firstResponse')} · ${t('reports.median')}`}
            value={dur(row.firstResponse.median)}
            previous={prev ? was(dur(prev.firstResponse.median)) : null}
            definition={d.firstResponse}
          />
          <Kpi
            label={`${t('reports.firstResponse')} · ${t('reports.p90')}`}
            value={dur(row.firstResponse.p90)}
            previous={prev ? was(dur(prev.firstResponse.p90)) : null}
            definition={d.statistics}
          />
          <Kpi
            label={`${t('reports.replyTime')} · ${t('reports.median')}`}
            value={dur(row.reply.median)}
            previous={prev ? was(dur(prev.reply.median)) : null}
            definition={d.reply}
          />
          <Kpi label={t('reports.sla')} value={pct(row.reply.sla.attained)} previous={prev ? was(pct(prev.reply.sla.attained)) : null} definition={d.sla} />
          <Kpi label={`${t('reports.replyTime')} · ${t('reports.count')}`} value={formatNumber(row.reply.count)} definition={d.response} />
          <Kpi label={`${t('reports.replyTime')} · ${t('reports.mean')}`} value={dur(row.reply.mean)} definition={d.statistics} />
          <Kpi label={t('reports.hours.business')} value={dur(row.firstResponse.business?.median)} definition={d.businessHours} />
          <Kpi label={t('reports.handledWithoutReply')} value={formatNumber(row.handled.count)} definition={d.handled} />
        </SimpleGrid>
      )}
      <Card withBorder>
        <Text fw={600} size="sm" mb="xs">
          {t('reports.firstResponse')} ({t('reports.group.network')}, min)
        </Text>
        {chart.length === 0 ? (
          <EmptyState>{t('reports.empty')}</EmptyState>
        ) : (
          <>
            <Box h={260} data-testid="response-chart">
              <ResponsiveContainer>
                <BarChart data={chart} accessibilityLayer>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis />
                  <Tooltip />
                  <Legend />
                  <Bar
                    isAnimationActive={false}
                    dataKey="median"
                    name={t('reports.median')}
                    fill={COLORS[0]}
                    cursor="pointer"
                    onClick={(entry) => void navigate(`/inbox?status=all&network=${(entry as { payload?: { group?: string } }).payload?.group ?? ''}`)}
                  />
                  <Bar isAnimationActive={false} dataKey="p90" name={t('reports.p90')} fill={COLORS[1]} />
                </BarChart>
              </ResponsiveContainer>
            </Box>
            <Group gap="xs" mt="xs">
              {chart.map((c) => (
                <Anchor
                  key={c.group}
                  size="xs"
                  href={`/inbox?status=all&network=${c.group}`}
                  onClick={(e) => {
                    e.preventDefault();
                    void navigate(`/inbox?status=all&network=${c.group}`);
                  }}
                  data-testid="drill-down"
                >
                  {t('reports.drillDown')}: {c.label}
                </Anchor>
              ))}
            </Group>
          </>
        )}
      </Card>
      <Definitions definitions={d} title={t('reports.definition')} />
    </Stack>
  );
}

function Resonance({ filters }: { filters: ReportFilters }) {
  const { t, formatNumber } = useI18n();
  const report = useReport('resonance', { ...filters, interval: 'total' });
  if (report.isPending) return <LoadingState />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} path="/api/reports/resonance" />;
  const d = report.data.definitions;
  const row = report.data.rows[0];
  const n = (v: number | null | undefined, o?: Intl.NumberFormatOptions) => (v === null || v === undefined ? t('common.none') : formatNumber(v, o));
  return (
    <Stack>
      {!row ? (
        <EmptyState>{t('reports.empty')}</EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <Kpi label={t('reports.comments')} value={n(row.comments)} definition={d.comments} />
          <Kpi label={t('reports.uniqueCommenters')} value={n(row.uniqueCommenters)} definition={d.uniqueCommenters} />
          <Kpi label={t('reports.returningCommenters')} value={n(row.returningCommenters)} definition={d.returningCommenters} />
          <Kpi label={t('reports.per1000')} value={n(row.commentsPer1000Followers, { maximumFractionDigits: 2 })} definition={d.perThousand} />
          <Kpi label={t('reports.shareAnswered')} value={n(row.shareAnswered, { style: 'percent' })} definition={d.shareAnswered} />
          <Kpi label={t('reports.sentiment')} value={n(row.sentiment, { maximumFractionDigits: 2, signDisplay: 'exceptZero' })} definition={d.sentiment} />
        </SimpleGrid>
      )}
      <Card withBorder>
        <Text fw={600} size="sm" mb="xs">
          {t('reports.topPosts')}
        </Text>
        {report.data.topPosts.length === 0 ? (
          <EmptyState>{t('reports.empty')}</EmptyState>
        ) : (
          <Table striped>
            <Table.Tbody>
              {report.data.topPosts.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{t(`network.${isNetwork(p.network) ? p.network : 'facebook'}`)}</Table.Td>
                  <Table.Td style={{ maxWidth: 480 }}>
                    <Text size="sm" lineClamp={2}>
                      {p.text}
                    </Text>
                  </Table.Td>
                  <Table.Td>{n(p.comments ?? p.our_comments ?? null)}</Table.Td>
                  <Table.Td>{n(p.weightedEngagement, { maximumFractionDigits: 3 })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          {d.topPosts} {d.weightedEngagement}
        </Text>
      </Card>
      <Definitions definitions={d} title={t('reports.definition')} />
    </Stack>
  );
}

function Intents({ filters }: { filters: ReportFilters }) {
  const { t, formatNumber } = useI18n();
  const navigate = useNavigate();
  const report = useReport('intents', { ...filters, interval: 'total' });
  const data = useMemo(() => {
    const row = report.data?.rows[0];
    return INTENTS.map((intent) => ({
      intent,
      label: t(`intent.${intent}`),
      count: row?.intents[intent]?.count ?? 0,
      share: row?.intents[intent]?.share ?? 0,
    }));
  }, [report.data, t]);
  if (report.isPending) return <LoadingState />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} path="/api/reports/intents" />;
  const d = report.data.definitions;
  const drill = (intent: string) => void navigate(`/inbox?status=all&intent=${intent}`);
  return (
    <Stack>
      <Card withBorder>
        <Text fw={600} size="sm" mb="xs">
          {t('reports.intents')}
        </Text>
        {data.every((x) => x.count === 0) ? (
          <EmptyState>{t('reports.empty')}</EmptyState>
        ) : (
          <Box h={280} data-testid="intent-chart">
            <ResponsiveContainer>
              <BarChart data={data} layout="vertical" margin={{ left: 40 }} accessibilityLayer>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="label" width={170} />
                <Tooltip />
                <Bar
                  isAnimationActive={false}
                  dataKey="count"
                  name={t('reports.count')}
                  cursor="pointer"
                  onClick={(entry) => drill((entry as { payload?: { intent?: string } }).payload?.intent ?? '')}
                  // One colour per intent (recharts 3 draws per-bar colours with `shape`; <Cell> is deprecated).
                  shape={(bar: BarShapeProps) => <Rectangle {...bar} fill={COLORS[bar.index % COLORS.length]} />}
                />
              </BarChart>
            </ResponsiveContainer>
          </Box>
        )}
        <Table mt="sm" data-testid="intent-table">
          <Table.Tbody>
            {data.map((x) => (
              <Table.Tr key={x.intent}>
                <Table.Td>{x.label}</Table.Td>
                <Table.Td>{formatNumber(x.count)}</Table.Td>
                <Table.Td>{formatNumber(x.share, { style: 'percent', maximumFractionDigits: 0 })}</Table.Td>
                <Table.Td>
                  <Anchor size="xs" component="button" onClick={() => drill(x.intent)} data-testid={`drill-${x.intent}`} disabled={x.count === 0}>
                    {t('reports.drillDown')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <IntentPrecision report={report.data} />
      <Definitions definitions={d} title={t('reports.definition')} />
    </Stack>
  );
}

/** The scalar columns of the channel-health rows, in the API's order (the rate budget object is not a cell). */
const HEALTH_COLUMNS = [
  'channel',
  'network',
  'display_name',
  'status',
  'last_synced_at',
  'lag_seconds',
  'last_error',
  'last_error_at',
  'consecutive_auth_failures',
  'gaps_reconciled',
  'messages_ingested',
  'mean_ingest_delay_seconds',
] as const satisfies ReadonlyArray<keyof ChannelHealthRow>;

function Health({ filters }: { filters: ReportFilters }) {
  const { t } = useI18n();
  const report = useReport('channels-health', filters);
  if (report.isPending) return <LoadingState />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} path="/api/reports/channels-health" />;
  const rows = report.data.rows;
  const columns = rows.length ? HEALTH_COLUMNS : [];
  return (
    <Stack>
      {rows.length === 0 ? (
        <EmptyState>{t('reports.empty')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped data-testid="health-table">
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={i}>
                  {columns.map((c) => (
                    <Table.Td key={c}>{r[c] === null || r[c] === undefined ? t('common.none') : cellText(r[c])}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Definitions definitions={report.data.definitions} title={t('reports.definition')} />
    </Stack>
  );
}
