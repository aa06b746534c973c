import { useState, type ReactNode } from 'react';
import { Anchor, Box, Card, Group, Stack, Text } from '@mantine/core';
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import type { MessageKey } from '../../shared/i18n/dictionary';
import { EmptyState } from '../../shared/ui/states';

/** The reports' chart colours, in order (each ≥ 3:1 against white, WCAG 1.4.11). */
export const CHART_COLORS = ['#4c6ef5', '#d9480f', '#087f5b', '#e03131', '#9c36b5', '#495057'];

/** The numbers whose definitions the dashboard words itself (reports.def.* and reports.formula.* in parts/reports23.ts). */
export const DEFINITION_KEYS = [
  'inbound',
  'response',
  'firstResponse',
  'reply',
  'statistics',
  'businessHours',
  'sla',
  'handled',
  'serviceLevel',
  'period',
  'comments',
  'uniqueCommenters',
  'returningCommenters',
  'perThousand',
  'shareAnswered',
  'intentMix',
  'sentiment',
  'weightedEngagement',
  'perceptionGap',
  'topPosts',
  'health',
] as const;
export type DefinitionKey = (typeof DEFINITION_KEYS)[number];
export const isDefinitionKey = (key: string): key is DefinitionKey => (DEFINITION_KEYS as readonly string[]).includes(key);

/** One definition in the UI's language, in a marketer's words, with the exact formula one click away. */
export function Definition({ name }: { name: DefinitionKey }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const def: MessageKey = `reports.def.${name}`;
  const formula: MessageKey = `reports.formula.${name}`;
  return (
    <Box data-testid="definition">
      <Text size="xs" c="dimmed" span>
        {t(def)}{' '}
      </Text>
      <Anchor component="button" type="button" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid={`formula-${name}`}>
        {open ? t('reports.hideFormula') : t('reports.showFormula')}
      </Anchor>
      {open && (
        <Text size="xs" ff="monospace" c="dark.6" mt={2} data-testid="formula">
          {t(formula)}
        </Text>
      )}
    </Box>
  );
}

/** A point of a trend: the period's label and its value (null = nothing to measure that day). */
export interface TrendPoint {
  period: string;
  value: number | null;
}

/** A small line chart of one number over the report's days or weeks. */
export function Trend({ points, label, format }: { points: TrendPoint[]; label: string; format: (v: number) => string }) {
  const { t } = useI18n();
  if (points.every((p) => p.value === null)) return null;
  return (
    <Box h={64} mt={4} data-testid="trend" aria-label={t('reports.trend', { label })} role="img">
      <ResponsiveContainer>
        <LineChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: 4 }}>
          <XAxis dataKey="period" hide />
          <YAxis hide domain={['auto', 'auto']} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? format(v) : String(v))} labelStyle={{ color: '#212529' }} />
          <Line
            type="monotone"
            dataKey="value"
            name={label}
            stroke={CHART_COLORS[0]}
            strokeWidth={2}
            dot={points.length < 20}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
}

/** One number with its label, the definition beside it, its trend and the previous period's value. */
export function Kpi({
  label,
  value,
  definition,
  previous,
  testId,
  trend,
  note,
}: {
  label: string;
  value: ReactNode;
  definition?: DefinitionKey;
  previous?: string | null;
  testId?: string;
  trend?: { points: TrendPoint[]; format: (v: number) => string };
  note?: string | null;
}) {
  return (
    <Card withBorder p="sm" data-testid={testId ?? 'kpi'}>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {label}
        </Text>
        <Group gap="xs" align="baseline">
          <Text size="xl" fw={700} data-testid="kpi-value">
            {value}
          </Text>
          {previous && (
            <Text size="xs" c="dimmed">
              {previous}
            </Text>
          )}
        </Group>
        {note && (
          <Text size="xs" c="dark.6" data-testid="kpi-note">
            {note}
          </Text>
        )}
        {trend && <Trend points={trend.points} label={label} format={trend.format} />}
        {definition && <Definition name={definition} />}
      </Stack>
    </Card>
  );
}

/** Every definition a report returned, in the UI's language (a key the dashboard does not word yet is left out). */
export function Definitions({ definitions, title }: { definitions: Record<string, string>; title: string }) {
  const keys = Object.keys(definitions).filter(isDefinitionKey);
  return (
    <Card withBorder p="sm" bg="gray.0" data-testid="definitions">
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <Stack gap={6}>
        {keys.map((key) => (
          <Definition key={key} name={key} />
        ))}
      </Stack>
    </Card>
  );
}

/** "No data" with the reason: what period and network had nothing. */
export function NoData({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Box data-testid={testId ?? 'no-data'}>
      <EmptyState>{children}</EmptyState>
    </Box>
  );
}
