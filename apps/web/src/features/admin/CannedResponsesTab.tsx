import { useState, type SubmitEvent } from 'react';
import { Alert, Button, Card, Group, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { CANNED_VARIABLES, type CannedResponse } from '@resonance/contracts';
import { useErrorText } from '../../shared/api/error-text';
import { ApiError } from '../../shared/api/http';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { ConfirmDialog, notify } from '../../shared/ui/feedback';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { useCanned, useCreateCanned, useDeleteCanned, useUpdateCanned } from './canned-responses';

interface Draft {
  title: string;
  text: string;
  shortcut: string;
}

const EMPTY: Draft = { title: '', text: '', shortcut: '' };
/** Agents type "/danke": an admin may write the shortcut with its "/" or without. */
const shortcutOf = (typed: string) => typed.trim().replace(/^\//, '');

/** The form for a new canned response, or for one being edited (then with Save and Cancel). */
function CannedForm({
  initial,
  busy,
  error,
  onSave,
  onCancel,
}: {
  initial: Draft;
  busy: boolean;
  error: string | null;
  onSave: (d: Draft) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState(initial);
  const variables = CANNED_VARIABLES.map((v) => `{{${v}}}`).join(', ');
  return (
    <Card
      withBorder
      component="form"
      maw={620}
      data-testid={onCancel ? 'canned-edit-form' : 'canned-create-form'}
      onSubmit={(e: SubmitEvent) => {
        e.preventDefault();
        onSave({ ...form, shortcut: shortcutOf(form.shortcut) });
      }}
    >
      <Stack gap="xs">
        <TextInput size="xs" required label={t('admin.title')} value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} />
        <TextInput
          size="xs"
          label={t('admin.shortcut')}
          placeholder="/danke"
          value={form.shortcut}
          onChange={(e) => setForm({ ...form, shortcut: e.currentTarget.value })}
        />
        <Textarea
          size="xs"
          required
          autosize
          minRows={3}
          label={t('admin.text')}
          description={t('canned.variables', { variables, example: '{{contact.first_name|there}}' })}
          value={form.text}
          onChange={(e) => setForm({ ...form, text: e.currentTarget.value })}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group gap="xs">
          <Button size="xs" type="submit" loading={busy}>
            {onCancel ? t('common.save') : t('common.create')}
          </Button>
          {onCancel && (
            <Button size="xs" variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** Admin: the workspace's canned responses — create, edit, delete (asked first). */
export function CannedResponsesTab() {
  const { t } = useI18n();
  const canned = useCanned();
  const create = useCreateCanned();
  const update = useUpdateCanned();
  const remove = useDeleteCanned();
  const errorText = useErrorText();
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<CannedResponse | null>(null);
  // A 400 is about the form's fields; anything else says what the API answered, in the UI's language.
  const saveError = (failed: boolean, error: unknown) =>
    !failed ? null : error instanceof ApiError && error.status === 400 ? t('canned.saveFailed') : errorText(error);
  // A new form after each creation (its fields start empty again).
  const [formKey, setFormKey] = useState(0);
  if (canned.isPending) return <LoadingState />;
  if (canned.isError) return <ErrorState error={canned.error} onRetry={() => void canned.refetch()} path="/api/canned-responses" />;

  const row = (c: CannedResponse) => (
    <Table.Tr key={c.id} data-testid="canned-row">
      <Table.Td fw={600}>{c.title}</Table.Td>
      <Table.Td>{c.shortcut ? `/${c.shortcut}` : ''}</Table.Td>
      <Table.Td style={{ maxWidth: 520 }}>
        <Text size="sm" lineClamp={2}>
          {c.text}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button size="compact-xs" variant="subtle" onClick={() => setEditing(c.id)} data-testid="canned-edit">
            {t('canned.edit')}
          </Button>
          <Button size="compact-xs" variant="subtle" color="red.8" onClick={() => setDeleting(c)} data-testid="canned-delete">
            {t('common.delete')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );

  return (
    <Stack>
      {canned.data.length === 0 ? (
        <EmptyState>{t('admin.noCanned')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Tbody>
              {canned.data.map((c) =>
                editing === c.id ? (
                  <Table.Tr key={c.id}>
                    <Table.Td colSpan={4}>
                      <CannedForm
                        initial={{ title: c.title, text: c.text, shortcut: c.shortcut ? `/${c.shortcut}` : '' }}
                        busy={update.isPending}
                        error={saveError(update.isError, update.error)}
                        onCancel={() => setEditing(null)}
                        onSave={(d) =>
                          update.mutate(
                            { id: c.id, title: d.title, text: d.text, ...(d.shortcut ? { shortcut: d.shortcut } : {}) },
                            {
                              onSuccess: (saved) => {
                                setEditing(null);
                                notify(t('canned.saved', { title: saved.title }));
                              },
                            },
                          )
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  row(c)
                ),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CannedForm
        key={formKey}
        initial={EMPTY}
        busy={create.isPending}
        error={saveError(create.isError, create.error)}
        onSave={(d) =>
          create.mutate(
            { title: d.title, text: d.text, ...(d.shortcut ? { shortcut: d.shortcut } : {}) },
            {
              onSuccess: (created) => {
                setFormKey((k) => k + 1);
                notify(t('admin.cannedCreated', { title: created.title }));
              },
            },
          )
        }
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('admin.confirmDeleteCanned', { title: deleting?.title ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => notify(t('admin.cannedDeleted', { title: deleting.title })),
            onSettled: () => setDeleting(null),
          })
        }
      >
        {t('admin.confirmDeleteCannedBody')}
      </ConfirmDialog>
      {remove.isError && <Alert color="red">{errorText(remove.error)}</Alert>}
    </Stack>
  );
}
