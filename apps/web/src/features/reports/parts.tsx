import type { ReactNode } from 'react';
import { Card, Group, Stack, Text } from '@mantine/core';

/** The reports' chart colours, in order. */
export const CHART_COLORS = ['#4c6ef5', '#f76707', '#12b886', '#fa5252', '#be4bdb', '#868e96'];

/** One number with its label, the definition beside it, and the previous period's value. */
export function Kpi({
  label,
  value,
  definition,
  previous,
  testId,
}: {
  label: string;
  value: ReactNode;
  definition?: string;
  previous?: string | null;
  testId?: string;
}) {
  return (
    <Card withBorder p="sm" data-testid={testId ?? 'kpi'}>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {label}
        </Text>
        <Group gap="xs" align="baseline">
          <Text size="xl" fw={700}>
            {value}
          </Text>
          {previous && (
            <Text size="xs" c="dimmed">
              {previous}
            </Text>
          )}
        </Group>
        {definition && (
          <Text size="xs" c="dimmed" data-testid="definition">
            {definition}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

export function Definitions({ definitions, title }: { definitions: Record<string, string>; title: string }) {
  return (
    <Card withBorder p="sm" bg="gray.0">
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <Stack gap={4}>
        {Object.entries(definitions).map(([key, text]) => (
          <Text key={key} size="xs" c="dimmed">
            {text}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
