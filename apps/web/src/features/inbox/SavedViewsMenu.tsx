import { useState } from 'react';
import { ActionIcon, Button, Checkbox, Group, Menu, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import type { SavedView } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { filtersSignature, fromSavedFilters, toSavedFilters } from './saved-view-filters';
import type { ThreadFilters } from './thread-filters';
import { triageErrorKey } from './triage-words';
import { useSavedViewMutations, useSavedViews } from './triage-api';

type Dialog = { kind: 'save' } | { kind: 'rename'; view: SavedView } | { kind: 'delete'; view: SavedView } | null;

/**
 * Saved inbox views: open one (own or shared by a colleague), save the current filters and sort
 * under a name (private or shared), rename or delete one's own. The open view is the saved one
 * whose filters and sort equal the inbox's.
 */
export function SavedViewsMenu({ filters, onOpen }: { filters: ThreadFilters; onOpen: (next: ThreadFilters) => void }) {
  const { t } = useI18n();
  const views = useSavedViews();
  const { create, update, remove } = useSavedViewMutations();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signature = filtersSignature(filters);
  const active = views.data?.find((v) => filtersSignature(fromSavedFilters(v.filters, v.sort)) === signature);

  const openDialog = (next: Exclude<Dialog, null>) => {
    setError(null);
    setName(next.kind === 'save' ? '' : next.view.name);
    setShared(next.kind === 'save' ? false : next.view.shared);
    setDialog(next);
  };
  const close = () => setDialog(null);
  const fail = (e: unknown) => setError(t(triageErrorKey(e)));
  const submit = () => {
    if (!dialog) return;
    if (dialog.kind === 'save') create.mutate({ name: name.trim(), shared, ...toSavedFilters(filters) }, { onSuccess: close, onError: fail });
    else if (dialog.kind === 'rename') update.mutate({ id: dialog.view.id, name: name.trim(), shared }, { onSuccess: close, onError: fail });
    else remove.mutate(dialog.view.id, { onSuccess: close, onError: fail });
  };
  const busy = create.isPending || update.isPending || remove.isPending;

  return (
    <Group gap={6} wrap="nowrap" px="xs">
      <Select
        size="xs"
        style={{ flex: 1, minWidth: 0 }}
        aria-label={t('triage.views.choose')}
        placeholder={views.data?.length ? t('triage.views.choose') : t('triage.views.none')}
        disabled={!views.data?.length}
        data={(views.data ?? []).map((v) => ({ value: v.id, label: v.mine ? v.name : `${v.name} (${t('triage.views.sharedBy', { name: v.owner.name })})` }))}
        value={active?.id ?? null}
        onChange={(id) => {
          const view = views.data?.find((v) => v.id === id);
          if (view) onOpen(fromSavedFilters(view.filters, view.sort));
        }}
        allowDeselect={false}
        data-testid="saved-views"
      />
      <Button size="xs" variant="default" onClick={() => openDialog({ kind: 'save' })} data-testid="save-view">
        {t('triage.views.save')}
      </Button>
      {active?.mine && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon size="md" variant="default" aria-label={t('triage.views')} data-testid="view-menu">
              <span aria-hidden>⋯</span>
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => openDialog({ kind: 'rename', view: active })} data-testid="view-rename">
              {t('triage.views.rename')}
            </Menu.Item>
            <Menu.Item color="red" onClick={() => openDialog({ kind: 'delete', view: active })} data-testid="view-delete">
              {t('triage.views.delete')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog?.kind === 'save' ? t('triage.views.saveTitle') : dialog?.kind === 'rename' ? t('triage.views.renameTitle') : t('triage.views.delete')}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap="sm">
            {dialog?.kind === 'delete' ? (
              <Text size="sm">{t('triage.views.deleteConfirm', { name: dialog.view.name })}</Text>
            ) : (
              <>
                <TextInput
                  label={t('triage.views.name')}
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  maxLength={80}
                  required
                  data-autofocus
                  data-testid="view-name"
                />
                <Checkbox label={t('triage.views.shared')} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} data-testid="view-shared" />
              </>
            )}
            {error && (
              <Text size="sm" c="red.8" role="alert" data-testid="view-error">
                {error}
              </Text>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                color={dialog?.kind === 'delete' ? 'red' : undefined}
                loading={busy}
                disabled={dialog?.kind !== 'delete' && !name.trim()}
                data-testid="view-submit"
              >
                {dialog?.kind === 'delete' ? t('common.delete') : t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
