import { useState } from 'react';
import { Box, Button, Group, Text } from '@mantine/core';
import type { NoteItem, UserRef } from '@resonance/contracts';
import { ApiError } from '../../shared/api/http';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { canWriteInbox, useSessionUser } from '../../shared/session/session';
import { useAssignees } from '../inbox/list-assignees';
import { MentionTextarea } from './MentionTextarea';
import { noteSegments, toDisplayText, toStoredText } from './mentions';
import { useDeleteNote, useUpdateNote } from './note-mutations';

/** The text of a note with its mentions as highlighted `@Name`s. */
export function NoteText({ note }: { note: NoteItem }) {
  const { t } = useI18n();
  return (
    <Text size="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="note-text">
      {noteSegments(note.text, note.mentions).map((s, i) =>
        s.kind === 'text' ? (
          <span key={i}>{s.text}</span>
        ) : (
          <Text key={i} span size="xs" fw={700} c="blue.9" data-testid="note-mention" data-user-id={s.userId}>
            @{s.name ?? t('notes.unknownUser')}
          </Text>
        ),
      )}
    </Text>
  );
}

/** One internal note: author, time, "edited"; its author edits it (with @mentions) or deletes it, an admin deletes any. */
export function NoteCard({ note }: { note: NoteItem }) {
  const { t, formatDateTime } = useI18n();
  const user = useSessionUser();
  const members = useAssignees().data ?? [];
  const update = useUpdateNote();
  const remove = useDeleteNote();
  const [draft, setDraft] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const mine = note.author?.id === user.id;
  const canEdit = mine && canWriteInbox(user.role);
  const canDelete = (mine && canWriteInbox(user.role)) || user.role === 'admin';
  const known: UserRef[] = [...members, ...note.mentions.filter((m) => !members.some((x) => x.id === m.id))];

  const save = () => {
    if (!draft?.trim()) return;
    update.mutate({ id: note.id, text: toStoredText(draft.trim(), known) }, { onSuccess: () => setDraft(null) });
  };
  const failure = (error: Error | null, fallback: 'notes.failed' | 'notes.deleteFailed') =>
    error ? (error instanceof ApiError && error.status === 403 ? t('notes.forbidden') : t(fallback)) : null;
  const problem = failure(update.error, 'notes.failed') ?? failure(remove.error, 'notes.deleteFailed');

  return (
    <Box p={6} bg="yellow.0" style={{ borderRadius: 6 }} data-testid="note" data-note-id={note.id}>
      <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
        <Text size="xs" c="gray.8">
          {note.author?.name ?? t('common.none')} · {formatDateTime(note.createdAt)}
          {note.editedAt && (
            <Text span size="xs" c="gray.8" fs="italic" title={formatDateTime(note.editedAt)} data-testid="note-edited">
              {' '}
              ({t('notes.edited')})
            </Text>
          )}
        </Text>
        {draft === null && !confirming && (canEdit || canDelete) && (
          <Group gap={2} wrap="nowrap">
            {canEdit && (
              <Button size="compact-xs" variant="subtle" color="dark" onClick={() => setDraft(toDisplayText(note.text, note.mentions))} data-testid="note-edit">
                {t('notes.edit')}
              </Button>
            )}
            {canDelete && (
              <Button size="compact-xs" variant="subtle" color="red.9" onClick={() => setConfirming(true)} data-testid="note-delete">
                {t('notes.delete')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {draft !== null ? (
        <Box mt={4}>
          <MentionTextarea
            autosize
            minRows={2}
            maxRows={8}
            aria-label={t('notes.editLabel')}
            value={draft}
            onValueChange={setDraft}
            members={members}
            autoFocus
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                save();
              }
              if (e.key === 'Escape') setDraft(null);
            }}
            data-testid="note-edit-text"
          />
          <Group gap="xs" mt={4} justify="flex-end">
            <Button size="compact-xs" variant="default" onClick={() => setDraft(null)}>
              {t('notes.cancel')}
            </Button>
            <Button size="compact-xs" color="dark" onClick={save} loading={update.isPending} disabled={!draft.trim()} data-testid="note-save">
              {t('notes.save')}
            </Button>
          </Group>
        </Box>
      ) : (
        <NoteText note={note} />
      )}
      {confirming && (
        <Group gap="xs" mt={4} justify="flex-end" role="group" aria-label={t('notes.deleteConfirm')}>
          <Text size="xs" fw={600}>
            {t('notes.deleteConfirm')}
          </Text>
          <Button size="compact-xs" variant="default" onClick={() => setConfirming(false)} autoFocus>
            {t('notes.cancel')}
          </Button>
          <Button
            size="compact-xs"
            color="red.9"
            loading={remove.isPending}
            onClick={() => remove.mutate({ id: note.id, threadId: note.threadId })}
            data-testid="note-delete-confirm"
          >
            {t('notes.deleteYes')}
          </Button>
        </Group>
      )}
      {problem && (
        <Text size="xs" c="red.9" role="alert">
          {problem}
        </Text>
      )}
    </Box>
  );
}
