import { useState, type SubmitEvent } from 'react';
import { Alert, Button, Card, Group, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { CANNED_VARIABLES, type CannedResponse } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
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
  failed,
  onSave,
  onCancel,
}: {
  initial: Draft;
  busy: boolean;
  failed: boolean;
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
        {failed && (
          <Alert color="red" role="alert">
            {t('canned.saveFailed')}
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
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
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
        {confirming === c.id ? (
          <Group gap={4} wrap="nowrap">
            <Text size="xs">{t('canned.confirmDelete', { title: c.title })}</Text>
            <Button size="compact-xs" color="red" loading={remove.isPending} onClick={() => remove.mutate(c.id, { onSettled: () => setConfirming(null) })}>
              {t('common.delete')}
            </Button>
            <Button size="compact-xs" variant="default" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        ) : (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="subtle" onClick={() => setEditing(c.id)} data-testid="canned-edit">
              {t('canned.edit')}
            </Button>
            <Button size="compact-xs" variant="subtle" color="red.8" onClick={() => setConfirming(c.id)} data-testid="canned-delete">
              {t('common.delete')}
            </Button>
          </Group>
        )}
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
                        failed={update.isError}
                        onCancel={() => setEditing(null)}
                        onSave={(d) =>
                          update.mutate(
                            { id: c.id, title: d.title, text: d.text, ...(d.shortcut ? { shortcut: d.shortcut } : {}) },
                            { onSuccess: () => setEditing(null) },
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
        failed={create.isError}
        onSave={(d) =>
          create.mutate({ title: d.title, text: d.text, ...(d.shortcut ? { shortcut: d.shortcut } : {}) }, { onSuccess: () => setFormKey((k) => k + 1) })
        }
      />
    </Stack>
  );
}
