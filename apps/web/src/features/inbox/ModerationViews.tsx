import { Button, Group } from '@mantine/core';
import { useI18n } from '../../shared/i18n/I18nProvider';
import type { ThreadFilters } from './thread-filters';

/**
 * Three inbox views beside the triage views: "Possible spam" (threads with a message the ingest
 * marked, MessageItem.spamReasons), "Held for review (YouTube)" (comments YouTube holds for the
 * channel) and the threads of messages rules hid (the "Hidden by rules" drawer lists the messages). Toggle buttons (aria-pressed), so they are reached and switched by keyboard.
 */
export function ModerationViews({ filters, onPatch }: { filters: ThreadFilters; onPatch: (changes: Partial<ThreadFilters>) => void }) {
  const { t } = useI18n();
  const spam = filters.spam === true;
  const held = filters.heldForReview === true;
  const ruleHidden = filters.hiddenByRules === true;
  return (
    <Group gap={6} px="xs" pt={6} wrap="wrap">
      <Button
        size="compact-xs"
        variant={spam ? 'filled' : 'default'}
        color="orange"
        aria-pressed={spam}
        onClick={() => onPatch(spam ? { spam: undefined } : { spam: true, status: 'all' })}
        data-testid="view-spam"
      >
        {t('spam.view')}
      </Button>
      <Button
        size="compact-xs"
        variant={held ? 'filled' : 'default'}
        aria-pressed={held}
        onClick={() => onPatch(held ? { heldForReview: undefined } : { heldForReview: true, status: 'all' })}
        data-testid="view-held"
      >
        {t('held.view')}
      </Button>
      <Button
        size="compact-xs"
        variant={ruleHidden ? 'filled' : 'default'}
        color="grape.9"
        aria-pressed={ruleHidden}
        onClick={() => onPatch(ruleHidden ? { hiddenByRules: undefined } : { hiddenByRules: true, status: 'all' })}
        data-testid="view-rule-hidden"
      >
        {t('rules.threadsView')}
      </Button>
    </Group>
  );
}
