import type { ReactNode } from 'react';
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import { errorMessageKey } from '../api/error-text';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <Center p="lg" role="status" aria-live="polite">
      <Group gap="xs">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {label ?? t('common.loading')}
        </Text>
      </Group>
    </Center>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Center p="lg">
      <Text size="sm" c="dimmed" ta="center">
        {children}
      </Text>
    </Center>
  );
}

/** Shows what went wrong in words the user can act on; a missing endpoint is marked as waiting. */
export function ErrorState({ error, onRetry, path }: { error: unknown; onRetry?: () => void; path?: string }) {
  const { t } = useI18n();
  const status = error instanceof ApiError ? error.status : -1;
  const message =
    status === 0
      ? t('common.offline')
      : status === 403
        ? t('common.forbidden')
        : status === 404 && path
          ? t('common.waitingApi', { path })
          : status === 404
            ? t('common.notFound')
            : t(errorMessageKey(error));
  return (
    <Alert color={status === 404 && path ? 'gray' : 'red'} variant="light" m="sm" role="alert" data-testid="error-state">
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        {onRetry && status !== 403 && (
          <Button size="xs" variant="light" onClick={onRetry} w="fit-content">
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** True when an endpoint answers 404 (not built yet) — pages then show a "waiting for the API" note. */
export const isMissingEndpoint = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 501);
