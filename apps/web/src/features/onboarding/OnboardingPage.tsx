import { useState, type SubmitEvent } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { PASSWORD_MAX, PASSWORD_MIN } from '@resonance/contracts';
import { ApiError } from '../../shared/api/http';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { useLogin } from '../auth/login';
import { useCompleteOnboarding } from './onboarding';
import { errorMessageKey } from '../../shared/api/error-text';

/**
 * Shown instead of the login page while the installation has no user: the first workspace and
 * admin, then straight into the dashboard. The API closes the door once anyone exists.
 */
export function OnboardingPage() {
  const { t } = useI18n();
  const complete = useCompleteOnboarding();
  const login = useLogin();
  const [form, setForm] = useState({ workspaceName: '', adminName: '', adminEmail: '', password: '' });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const body = { ...form, workspaceName: form.workspaceName.trim(), adminName: form.adminName.trim(), adminEmail: form.adminEmail.trim() };
    complete.mutate(body, { onSuccess: (result) => login.mutate({ email: result.email, password: form.password }) });
  };

  const error = complete.error ?? login.error;
  const errorText =
    error instanceof ApiError && error.status === 409
      ? t('onboarding.taken')
      : error instanceof ApiError && error.status === 0
        ? t('common.offline')
        : error
          ? t(errorMessageKey(error))
          : null;

  return (
    <Center mih="100vh" bg="gray.0" p="sm">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={440} maw="100%" component="main">
        <form onSubmit={submit} aria-labelledby="onboarding-title">
          <Stack>
            <Title order={1} size="h2" id="onboarding-title">
              {t('onboarding.title')}
            </Title>
            <Text size="sm">{t('onboarding.intro')}</Text>
            <TextInput
              label={t('onboarding.workspace')}
              required
              maxLength={200}
              autoComplete="organization"
              name="workspaceName"
              value={form.workspaceName}
              onChange={(e) => setForm({ ...form, workspaceName: e.currentTarget.value })}
            />
            <TextInput
              label={t('onboarding.adminName')}
              required
              maxLength={200}
              autoComplete="name"
              name="adminName"
              value={form.adminName}
              onChange={(e) => setForm({ ...form, adminName: e.currentTarget.value })}
            />
            <TextInput
              label={t('onboarding.adminEmail')}
              required
              type="email"
              maxLength={254}
              autoComplete="username"
              name="adminEmail"
              value={form.adminEmail}
              onChange={(e) => setForm({ ...form, adminEmail: e.currentTarget.value })}
            />
            <PasswordInput
              label={t('onboarding.password')}
              required
              minLength={PASSWORD_MIN}
              maxLength={PASSWORD_MAX}
              autoComplete="new-password"
              name="password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
            />
            {errorText && (
              <Alert color="red" variant="light" role="alert">
                {errorText}
              </Alert>
            )}
            <Button type="submit" loading={complete.isPending || login.isPending}>
              {t('onboarding.submit')}
            </Button>
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
