import { Group, SegmentedControl, Select } from '@mantine/core';
import { THREAD_SORTS, type ThreadSort } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { HiddenByRules } from './HiddenByRules';
import { SavedViewsMenu } from './SavedViewsMenu';
import type { ThreadFilters } from './thread-filters';

/**
 * Above the filters: the two working views (Open, and Needs reply — the customer waits on us,
 * oldest waiting first), the inbox's one sort control (newest, oldest waiting, SLA due first), and
 * the saved views.
 */
export function TriageBar({
  filters,
  onPatch,
  onOpen,
}: {
  filters: ThreadFilters;
  /** Changes some filters (on top of the URL as it is then). */
  onPatch: (changes: Partial<ThreadFilters>) => void;
  /** Replaces all filters (a saved view). */
  onOpen: (next: ThreadFilters) => void;
}) {
  const { t } = useI18n();
  const view = filters.needsReply ? 'needsReply' : (filters.status ?? 'open') === 'open' ? 'open' : null;
  return (
    <>
      <Group gap={6} px="xs" pt="xs" wrap="nowrap">
        <SegmentedControl
          size="xs"
          aria-label={t('inbox.filters')}
          value={view ?? ''}
          onChange={(v) => onPatch(v === 'needsReply' ? { needsReply: true, status: 'all', sort: 'waiting' } : { needsReply: undefined, status: 'open' })}
          data={[
            { value: 'open', label: t('triage.view.open') },
            { value: 'needsReply', label: t('triage.view.needsReply') },
          ]}
          data-testid="triage-view"
        />
        <Select
          size="xs"
          style={{ flex: 1, minWidth: 0 }}
          aria-label={t('triage.sort')}
          data={THREAD_SORTS.map((s) => ({ value: s, label: t(`triage.sort.${s}`) }))}
          value={filters.sort ?? 'newest'}
          onChange={(v) => onPatch({ sort: v === 'waiting' || v === 'sla_due' ? (v satisfies ThreadSort) : undefined })}
          allowDeselect={false}
          data-testid="sort-select"
        />
      </Group>
      <Group gap={4} wrap="wrap">
        <SavedViewsMenu filters={filters} onOpen={onOpen} />
        <HiddenByRules />
      </Group>
    </>
  );
}
