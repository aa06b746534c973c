import { Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { INTENTS, SENTIMENT_BANDS, sentimentBandOf, type Intent, type LabelReview, type MessageItem, type SentimentBand } from '@resonance/contracts';
import { ApiError } from '../../shared/api/http';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { useCorrectLabel } from './correct-label';

const SENTIMENT_COLOR = { negative: 'red', neutral: 'gray', positive: 'teal' } as const;

/**
 * The intent and sentiment badges of a customer's message. Each is a button that opens a menu (keyboard:
 * Tab to it, Enter or Space, arrow keys, Enter) to correct the label, or to confirm it by choosing it
 * again. Who reviewed a label last is said under the badges.
 */
export function LabelBadges({ message }: { message: MessageItem }) {
  const { t } = useI18n();
  const correct = useCorrectLabel();
  const band = message.sentiment === null ? null : sentimentBandOf(message.sentiment);
  const sendIntent = (intent: Intent) => correct.mutate({ threadId: message.threadId, messageId: message.id, intent });
  const sendSentiment = (sentiment: SentimentBand) => correct.mutate({ threadId: message.threadId, messageId: message.id, sentiment });
  const reviewer = (review: LabelReview) => review.by?.name ?? t('labels.formerUser');

  return (
    <>
      {message.intent && (
        <Menu position="bottom-start" withinPortal shadow="md">
          <Menu.Target>
            <UnstyledButton
              aria-label={t('labels.changeIntent', { label: t(`intent.${message.intent}`) })}
              data-testid="intent-badge"
              disabled={correct.isPending}
              style={{ borderRadius: 4 }}
            >
              <Badge size="xs" variant="outline" color="grape" rightSection="▾" style={{ cursor: 'pointer' }}>
                {t(`intent.${message.intent}`)}
              </Badge>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('labels.intentMenu')}</Menu.Label>
            {INTENTS.map((intent) => (
              <Menu.Item
                key={intent}
                data-testid={`set-intent-${intent}`}
                leftSection={intent === message.intent ? '✓' : null}
                onClick={() => sendIntent(intent)}
              >
                {intent === message.intent ? t('labels.confirm', { label: t(`intent.${intent}`) }) : t(`intent.${intent}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      {band && (
        <Menu position="bottom-start" withinPortal shadow="md">
          <Menu.Target>
            <UnstyledButton
              aria-label={t('labels.changeSentiment', { label: t(`sentiment.${band}`) })}
              data-testid="sentiment-badge"
              data-band={band}
              disabled={correct.isPending}
              style={{ borderRadius: 4 }}
            >
              <Badge size="xs" variant="outline" color={SENTIMENT_COLOR[band]} rightSection="▾" style={{ cursor: 'pointer' }}>
                {t(`sentiment.${band}`)}
              </Badge>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('labels.sentimentMenu')}</Menu.Label>
            {SENTIMENT_BANDS.map((sentiment) => (
              <Menu.Item
                key={sentiment}
                data-testid={`set-sentiment-${sentiment}`}
                leftSection={sentiment === band ? '✓' : null}
                onClick={() => sendSentiment(sentiment)}
              >
                {sentiment === band ? t('labels.confirm', { label: t(`sentiment.${sentiment}`) }) : t(`sentiment.${sentiment}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      {(message.intentReview !== null || message.sentimentReview !== null || correct.isError) && (
        <Group gap={8} w="100%" data-testid="label-review">
          {message.intentReview && (
            <Text size="xs" c="dimmed">
              {t(message.intentReview.changed ? 'labels.intentCorrectedBy' : 'labels.intentConfirmedBy', { name: reviewer(message.intentReview) })}
            </Text>
          )}
          {message.sentimentReview && (
            <Text size="xs" c="dimmed">
              {t(message.sentimentReview.changed ? 'labels.sentimentCorrectedBy' : 'labels.sentimentConfirmedBy', { name: reviewer(message.sentimentReview) })}
            </Text>
          )}
          {correct.isError && (
            <Text size="xs" c="red" role="alert">
              {t(correct.error instanceof ApiError && correct.error.status === 404 ? 'labels.gone' : 'labels.failed')}
            </Text>
          )}
        </Group>
      )}
    </>
  );
}
