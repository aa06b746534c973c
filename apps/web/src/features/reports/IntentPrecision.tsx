import { Card, Table, Text } from '@mantine/core';
import type { IntentsReport } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';

/**
 * Beside the intent mix: how often the classifier's intent was right, measured from the agents'
 * reviews in the inbox (the API's `precision`): reviewed messages per predicted intent and the
 * share left unchanged; below the API's minimum of reviews no share is claimed.
 */
export function IntentPrecision({ report }: { report: IntentsReport }) {
  const { t, formatNumber } = useI18n();
  const reviewed = report.precision.reduce((sum, row) => sum + row.reviewed, 0);
  return (
    <Card withBorder data-testid="intent-precision">
      <Text fw={600} size="sm">
        {t('precision.title')}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('precision.intro')}
      </Text>
      {reviewed === 0 ? (
        <Text size="sm" data-testid="precision-none">
          {t('precision.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('precision.intent')}</Table.Th>
                <Table.Th ta="right">{t('precision.reviewed')}</Table.Th>
                <Table.Th ta="right">{t('precision.precision')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.precision.map((row) => (
                <Table.Tr key={row.intent} data-testid={`precision-${row.intent}`}>
                  <Table.Td>{t(`intent.${row.intent}`)}</Table.Td>
                  <Table.Td ta="right" data-testid="precision-reviewed">
                    {formatNumber(row.reviewed)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {row.precision === null ? (
                      <Text size="xs" c="dimmed" component="span">
                        {t('precision.notEnough', { min: report.precisionMinReviews })}
                      </Text>
                    ) : (
                      formatNumber(row.precision, { style: 'percent', maximumFractionDigits: 0 })
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
