import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { ApiError } from '../../shared/api/http';
import { useI18n } from '../../shared/i18n/I18nProvider';
import type { MessageKey } from '../../shared/i18n/dictionary';
import { getReport } from './get-report';
import { customRange, PRESET_PERIODS } from './report-filters';

const PERIOD_ERRORS = ['period_shape', 'period_not_a_date', 'period_order', 'period_bounds', 'period_too_long'] as const;

/** The API's reason for refusing a period, in the user's language (the error body's code). */
function periodErrorKey(error: unknown): MessageKey {
  const code = error instanceof ApiError && error.body && typeof error.body === 'object' && 'code' in error.body ? error.body.code : undefined;
  const known = PERIOD_ERRORS.find((c) => c === code);
  return known ? `reports.error.${known}` : 'reports.error.unknown';
}

/**
 * The report period: last 7/30/90 days, or a custom first and last day. A custom period is asked
 * of the API first; one it refuses shows the reason and changes nothing.
 */
export function PeriodPicker({ period, onChange }: { period: string; onChange: (period: string) => void }) {
  const { t } = useI18n();
  const range = customRange(period);
  const [custom, setCustom] = useState(range !== null);
  const [from, setFrom] = useState(range?.from ?? '');
  const [to, setTo] = useState(range?.to ?? '');
  const [error, setError] = useState<MessageKey | null>(null);
  const [checking, setChecking] = useState(false);

  const apply = async () => {
    if (!from || !to) {
      setError('reports.range.missing');
      return;
    }
    setChecking(true);
    try {
      const candidate = `${from}..${to}`;
      await getReport('response-times', { period: candidate, interval: 'total' });
      setError(null);
      onChange(candidate);
    } catch (e) {
      setError(periodErrorKey(e));
    } finally {
      setChecking(false);
    }
  };

  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          size="xs"
          w={170}
          aria-label={t('reports.period')}
          data={[...PRESET_PERIODS.map((p) => ({ value: p, label: t(`reports.period.${p}`) })), { value: 'custom', label: t('reports.period.custom') }]}
          value={custom ? 'custom' : period}
          onChange={(v) => {
            if (v === 'custom') {
              setCustom(true);
              return;
            }
            setCustom(false);
            setError(null);
            if (v) onChange(v);
          }}
          allowDeselect={false}
          data-testid="period-select"
        />
        {custom && (
          <>
            <TextInput
              size="xs"
              type="date"
              label={t('reports.range.from')}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              data-testid="range-from"
            />
            <TextInput size="xs" type="date" label={t('reports.range.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="range-to" />
            <Button size="xs" onClick={() => void apply()} loading={checking} data-testid="range-apply">
              {t('reports.range.apply')}
            </Button>
          </>
        )}
      </Group>
      {custom && (
        <Text size="xs" c="dimmed">
          {t('reports.range.hint')}
        </Text>
      )}
      {error && (
        <Alert color="red" variant="light" p="xs" role="alert" data-testid="range-error">
          <Text size="xs">{t(error)}</Text>
        </Alert>
      )}
    </Stack>
  );
}
