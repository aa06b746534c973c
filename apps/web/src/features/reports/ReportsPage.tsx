import { useIsFetching } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Box, Button, Group, SegmentedControl, Select, Stack, Switch, Tabs, Text, Title } from '@mantine/core';
import { NETWORKS, isNetwork } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { DrillDownDrawer } from './DrillDownDrawer';
import { PeriodPicker } from './PeriodPicker';
import { reportCsvUrl } from './get-report';
import { drillOf, drillParams, periodOf, type DrillTarget, type ReportFilters, type TrendStep } from './report-filters';
import { REPORT_TABS } from './report-tabs';

/**
 * The reports page shell: the filters (period, network, comparison, trend step — kept in the URL
 * with the open drill-down, so a link reproduces the view), the CSV exports and the tabs
 * (report-tabs.ts).
 */
export function ReportsPage() {
  const { t } = useI18n();
  const { tab = REPORT_TABS[0].value } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const network = params.get('network');
  const filters: ReportFilters = { period: periodOf(params.get('period')), network: isNetwork(network) ? network : undefined };
  const compare = params.get('compare') === '1';
  const step: TrendStep = params.get('step') === 'week' ? 'week' : 'day';
  const drill = drillOf(params);
  const update = (values: Record<string, string | null>) => {
    // From the address bar, not from this render's params: React Router renders a navigation in a
    // transition, so a click right after another one would otherwise drop the first one's change.
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(values)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    // On the address bar's path too: setSearchParams resolves `?…` against the last render's path,
    // which undid a tab switch still rendering.
    void navigate({ pathname: window.location.pathname, search: next.toString() }, { replace: true });
  };
  const set = (key: string, value: string | null) => update({ [key]: value });
  const openDrill = (target: DrillTarget) => update(drillParams(target));
  const active = REPORT_TABS.find((x) => x.value === tab) ?? REPORT_TABS[0];
  // Busy while any report is loading: the trends answer after the headline numbers and show no
  // loader of their own (a screen reader waits for the whole page; so does a test).
  const loading = useIsFetching({ queryKey: ['reports'] }) > 0;

  return (
    <Box p="lg" style={{ overflowY: 'auto' }} aria-busy={loading} data-testid="reports-page">
      <Stack gap="xs" mb="md">
        <Title order={1} size="h3">
          {t('reports.title')}
        </Title>
        <Group gap="xs" align="flex-start" wrap="wrap">
          <PeriodPicker period={filters.period} onChange={(p) => set('period', p)} />
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
          <Group gap={6}>
            <Text size="xs" c="dimmed" id="trend-step-label">
              {t('reports.step')}
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby="trend-step-label"
              data={[
                { value: 'day', label: t('reports.step.day') },
                { value: 'week', label: t('reports.step.week') },
              ]}
              value={step}
              onChange={(v) => set('step', v === 'week' ? 'week' : null)}
              data-testid="trend-step"
            />
          </Group>
          <Switch size="xs" mt={4} label={t('reports.compare')} checked={compare} onChange={(e) => set('compare', e.currentTarget.checked ? '1' : null)} />
          <Button size="xs" variant="default" component="a" href={reportCsvUrl(active.csv, { ...filters, interval: 'day' })} download data-testid="csv-export">
            {t('reports.csvPerDay')}
          </Button>
          <Button size="xs" variant="default" component="a" href={reportCsvUrl('resonance', { ...filters, groupBy: 'post' })} download data-testid="csv-posts">
            {t('reports.csvPerPost')}
          </Button>
        </Group>
      </Stack>
      <Tabs
        value={active.value}
        onChange={(v) => {
          if (v) void navigate({ pathname: `/reports/${v}`, search: window.location.search });
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
            <Component filters={filters} compare={compare} step={step} openDrill={openDrill} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <DrillDownDrawer filters={filters} target={drill} onClose={() => update(drillParams(null))} />
    </Box>
  );
}
