import { useSyncExternalStore, type ReactNode } from 'react';
import { Button, Group, Modal, Notification, Stack, Text } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Confirmations of what an action did (toasts) and a question before a destructive one (a modal).
 * The toasts are Mantine Notification cards in one live region; a tiny store instead of
 * @mantine/notifications, whose releases do not match the pinned @mantine/core.
 */
interface Toast {
  id: number;
  message: string;
  tone: 'success' | 'error';
}

const TOAST_MS = 6_000;
const listeners = new Set<() => void>();
let toasts: readonly Toast[] = [];
let nextId = 1;

function publish(next: readonly Toast[]): void {
  toasts = next;
  for (const listener of listeners) listener();
}

function dismiss(id: number): void {
  publish(toasts.filter((t) => t.id !== id));
}

/** Shows a short confirmation (or an error) for a few seconds; it can be closed earlier. */
export function notify(message: string, tone: Toast['tone'] = 'success'): void {
  const id = nextId++;
  publish([...toasts.slice(-3), { id, message, tone }]);
  setTimeout(() => dismiss(id), TOAST_MS);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => toasts;

/** Where the toasts appear: bottom right, full width on a phone; mounted once in main.tsx. */
export function Toasts() {
  const { t } = useI18n();
  const shown = useSyncExternalStore(subscribe, snapshot, snapshot);
  return (
    <div
      role="status"
      aria-live="polite"
      style={{ position: 'fixed', right: 16, bottom: 16, left: 16, zIndex: 400, display: 'flex', justifyContent: 'flex-end', pointerEvents: 'none' }}
    >
      <Stack gap="xs" w={380} maw="100%">
        {shown.map((toast) => (
          <Notification
            key={toast.id}
            color={toast.tone === 'success' ? 'teal.9' : 'red.9'}
            title={toast.tone === 'success' ? t('feedback.done') : undefined}
            onClose={() => dismiss(toast.id)}
            closeButtonProps={{ 'aria-label': t('feedback.close') }}
            withBorder
            style={{ pointerEvents: 'auto' }}
            data-testid="toast"
          >
            {toast.message}
          </Notification>
        ))}
      </Stack>
    </div>
  );
}

/** Asks before a destructive action; Cancel is focused first, so Enter alone does not destroy. */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  loading,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  loading?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onCancel} title={title} centered data-testid="confirm-dialog">
      <Text size="sm">{children}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button color="red.8" onClick={onConfirm} loading={loading} data-testid="confirm-action">
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
