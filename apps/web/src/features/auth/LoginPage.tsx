import { useState, type SubmitEvent } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { ApiError } from '../../shared/api/http';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { usePublicConfig } from './get-public-config';
import { useLogin } from './login';
import { errorMessageKey } from '../../shared/api/error-text';

export function LoginPage() {
  const { t } = useI18n();
  const loginMutation = useLogin();
  // The demo logins are public knowledge only where the demo workspace exists.
  const demoMode = usePublicConfig().data?.demoMode === true;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    loginMutation.mutate({ email: email.trim(), password });
  };

  const error = loginMutation.error;
  const errorText =
    error instanceof ApiError && error.status === 401
      ? t('auth.failed')
      : error instanceof ApiError && error.status === 429
        ? t('auth.throttled')
        : error instanceof ApiError && error.status === 0
          ? t('common.offline')
          : error
            ? t(errorMessageKey(error))
            : null;

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={380} component="main">
        <form onSubmit={submit} aria-labelledby="login-title">
          <Stack>
            <Title order={1} size="h2" id="login-title">
              {t('auth.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('app.tagline')}
            </Text>
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              name="email"
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              name="password"
            />
            {errorText && (
              <Alert color="red" variant="light" role="alert">
                {errorText}
              </Alert>
            )}
            <Button type="submit" loading={loginMutation.isPending}>
              {t('auth.submit')}
            </Button>
            {demoMode && (
              <Text size="xs" c="dimmed" data-testid="demo-hint">
                {t('auth.demoHint')}
              </Text>
            )}
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
