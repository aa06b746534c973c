import { useCallback } from 'react';
import { API_ERROR_CODES, isOneOf } from '@resonance/contracts';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18nProvider';
import { ApiError } from './http';

/**
 * The one place an API error becomes words on screen: the refusal's code (ApiErrorBody.code) when
 * the API gives one, else what its status means. The API's own message is English for API users
 * and logs; it is never shown, so the German UI shows no English text.
 */
export function errorMessageKey(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'errors.unknown';
  const body: unknown = error.body;
  const code = body && typeof body === 'object' && 'code' in body ? body.code : undefined;
  if (typeof code === 'string' && isOneOf(API_ERROR_CODES, code)) return `errors.${code}`;
  if (error.status === 0) return 'common.offline';
  if (error.status === 400 || error.status === 422) return 'errors.badRequest';
  if (error.status === 401) return 'errors.unauthorized';
  if (error.status === 403) return 'errors.forbidden';
  if (error.status === 404) return 'errors.notFound';
  if (error.status === 409) return 'errors.conflict';
  if (error.status === 410) return 'errors.gone';
  if (error.status === 429) return 'errors.tooMany';
  if (error.status >= 500) return 'errors.server';
  return 'errors.unknown';
}

/** `errorText(error)`: the error in the user's language. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n();
  return useCallback((error: unknown) => t(errorMessageKey(error)), [t]);
}
