import { obj } from '@resonance/contracts';
import type { SimResponse } from '../../core/http';
import { google } from './errors';
import type { YtLocalization } from './store';

/**
 * The `localizations` part of videos, playlists and channels: `{ "<BCP-47 language>": {title,
 * description} }`. YouTube takes it only when the resource has a default language
 * (snippet.defaultLanguage; 400 defaultLanguageNotSet otherwise) and checks each entry (400
 * localizationValidationError). Reads with `hl` show the matching localization in
 * `snippet.localized`.
 */
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function readLocalizations(
  raw: unknown,
  defaultLanguage: string | undefined,
  domain: string,
): { ok: Record<string, YtLocalization> | undefined } | { error: SimResponse } {
  if (raw === undefined || raw === null) return { ok: undefined };
  const entries = Object.entries(obj(raw));
  if (entries.length === 0) return { ok: undefined };
  if (!defaultLanguage)
    return {
      error: google(400, 'defaultLanguageNotSet', 'The request is trying to add localized details without specifying the default language.', {
        domain,
        location: 'body.snippet.defaultLanguage',
        locationType: 'other',
      }),
    };
  const out: Record<string, YtLocalization> = {};
  for (const [language, value] of entries) {
    const v = obj(value);
    const title = v.title;
    const description = v.description ?? '';
    if (!LANGUAGE.test(language) || typeof title !== 'string' || title.trim() === '' || typeof description !== 'string')
      return {
        error: google(400, 'localizationValidationError', 'One of the values in the localizations object failed validation.', {
          domain,
          location: `body.localizations.${language}`,
          locationType: 'other',
        }),
      };
    out[language] = { title, description };
  }
  return { ok: out };
}

/** snippet.localized: the localization for `hl` (exact, else its language alone), else the default texts. */
export function localized(base: YtLocalization, localizations: Record<string, YtLocalization> | undefined, hl: string | null): YtLocalization {
  if (!hl || !localizations) return base;
  return localizations[hl] ?? localizations[hl.split('-')[0]] ?? base;
}
