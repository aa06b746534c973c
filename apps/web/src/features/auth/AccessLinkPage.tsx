import { useState, type SubmitEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { PASSWORD_MAX, PASSWORD_MIN } from '@resonance/contracts';
import { ApiError } from '../../shared/api/http';
import type { MessageKey } from '../../shared/i18n/dictionary';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { LoadingState } from '../../shared/ui/states';
import { useAcceptAccessLink, useAccessLinkInfo } from './access-link';
import { useLogin } from './login';
import { errorMessageKey } from '../../shared/api/error-text';

/** Why a link cannot be used, in the reader's language (the API's status and words say which). */
function refusal(error: unknown): MessageKey | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 404 || error.status === 400) return 'access.unknown';
  if (error.status === 410) return error.message.includes('used') ? 'access.used' : error.message.includes('expired') ? 'access.expired' : 'access.inactive';
  return null;
}

/**
 * The page a one-time link opens (/access#<token>): the invited or reset user chooses a password
 * and is signed in with it. Works signed in or not; the token never leaves the fragment except in
 * the body of the two requests.
 */
export function AccessLinkPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const token = useLocation().hash.replace(/^#/, '');
  const info = useAccessLinkInfo(token);
  const accept = useAcceptAccessLink();
  const login = useLogin();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    accept.mutate(
      { token, password },
      // The link is used up: signed in with the new password, the address bar forgets the token.
      { onSuccess: ({ email }) => login.mutate({ email, password }, { onSuccess: () => void navigate('/', { replace: true }) }) },
    );
  };

  const refused = token === '' ? 'access.unknown' : (refusal(info.error) ?? refusal(accept.error));
  const otherError = !refused && (info.error ?? accept.error ?? login.error);

  return (
    <Center mih="100vh" bg="gray.0" p="sm">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={420} maw="100%" component="main">
        {info.isPending && token !== '' ? (
          <LoadingState />
        ) : refused ? (
          <Stack>
            <Alert color="red" variant="light" role="alert">
              {t(refused)}
            </Alert>
            <Button variant="light" onClick={() => void navigate('/', { replace: true })}>
              {t('access.toLogin')}
            </Button>
            <LanguageSwitch />
          </Stack>
        ) : (
          <form onSubmit={submit} aria-labelledby="access-title">
            <Stack>
              <Title order={1} size="h2" id="access-title">
                {info.data ? t(info.data.purpose === 'invite' ? 'access.inviteTitle' : 'access.resetTitle', { name: info.data.name }) : ''}
              </Title>
              {info.data && <Text size="sm">{t('access.intro', { email: info.data.email })}</Text>}
              <PasswordInput
                label={t('access.password')}
                required
                minLength={PASSWORD_MIN}
                maxLength={PASSWORD_MAX}
                autoComplete="new-password"
                name="password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('access.repeat')}
                required
                minLength={PASSWORD_MIN}
                maxLength={PASSWORD_MAX}
                autoComplete="new-password"
                name="repeat"
                value={repeat}
                onChange={(e) => setRepeat(e.currentTarget.value)}
                error={mismatch ? t('access.mismatch') : undefined}
              />
              {otherError && (
                <Alert color="red" variant="light" role="alert">
                  {otherError instanceof ApiError && otherError.status === 0 ? t('common.offline') : t(errorMessageKey(otherError))}
                </Alert>
              )}
              <Button type="submit" loading={accept.isPending || login.isPending}>
                {t('access.submit')}
              </Button>
              <LanguageSwitch />
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  );
}
