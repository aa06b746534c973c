import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Box, Button, Group, Select, Switch, Tabs, Title } from '@mantine/core';
import { NETWORKS, isNetwork } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { reportCsvUrl } from './get-report';
import type { ReportFilters } from './report-filters';
import { REPORT_TABS } from './report-tabs';

/** The reports page shell: the filters (kept in the URL), the CSV export and the tabs (report-tabs.ts). */
export function ReportsPage() {
  const { t } = useI18n();
  const { tab = REPORT_TABS[0].value } = useParams();
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
  const active = REPORT_TABS.find((x) => x.value === tab) ?? REPORT_TABS[0];

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
          <Button size="xs" variant="default" component="a" href={reportCsvUrl(active.csv, filters)} download data-testid="csv-export">
            {t('reports.exportCsv')}
          </Button>
        </Group>
      </Group>
      <Tabs
        value={active.value}
        onChange={(v) => {
          if (v) void navigate({ pathname: `/reports/${v}`, search: params.toString() });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {REPORT_TABS.map((x) => (
            <Tabs.Tab key={x.value} value={x.value} data-testid={`tab-${x.value}`}>
              {t(x.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {REPORT_TABS.map(({ value, Component }) => (
          <Tabs.Panel key={value} value={value}>
            <Component filters={filters} compare={compare} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Box>
  );
}
