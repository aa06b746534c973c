import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { dictionaries, type Language, type MessageKey } from './dictionary';

export const LANGUAGES: Language[] = ['de', 'en'];
const STORAGE_KEY = 'resonance.language';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface I18n {
  language: Language;
  /** BCP 47 locale for Intl: the browser's own locale when it speaks the chosen language. */
  locale: string;
  // Function-typed properties, not methods: components destructure them (`const { t } = useI18n()`).
  setLanguage: (language: Language) => void;
  t: Translate;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  formatDateTime: (value: string | Date, options?: Intl.DateTimeFormatOptions) => string;
  formatRelative: (value: string | Date, now?: number) => string;
  formatDuration: (seconds: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (stored === 'de' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'de';
}

function localeFor(language: Language): string {
  const browser = navigator.languages?.find((l) => l.toLowerCase().startsWith(language)) ?? null;
  return browser ?? (language === 'de' ? 'de-DE' : 'en-GB');
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);

  // The page's lang attribute follows the chosen language (screen readers pronounce by it).
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18n>(() => {
    const locale = localeFor(language);
    const dict = dictionaries[language];
    const numberFormat = new Intl.NumberFormat(locale);
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    const t: Translate = (key, vars) => {
      let text: string = dict[key] ?? dictionaries.en[key] ?? key;
      if (vars) for (const [name, v] of Object.entries(vars)) text = text.split(`{${name}}`).join(String(v));
      return text;
    };
    const formatDuration = (seconds: number) => {
      const s = Math.max(0, Math.round(seconds));
      if (s < 60) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'narrow' }).format(s);
      const minutes = s / 60;
      if (minutes < 60)
        return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'narrow', maximumFractionDigits: 0 }).format(minutes);
      const hours = minutes / 60;
      if (hours < 48) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'narrow', maximumFractionDigits: 1 }).format(hours);
      return new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'narrow', maximumFractionDigits: 1 }).format(hours / 24);
    };
    return {
      language,
      locale,
      setLanguage,
      t,
      formatNumber: (v, options) => (options ? new Intl.NumberFormat(locale, options).format(v) : numberFormat.format(v)),
      formatDateTime: (v, options) => (options ? new Intl.DateTimeFormat(locale, options) : dateFormat).format(new Date(v)),
      formatRelative: (v, now = Date.now()) => {
        const diff = (new Date(v).getTime() - now) / 1000;
        const abs = Math.abs(diff);
        if (abs < 60) return relative.format(Math.round(diff), 'second');
        if (abs < 3600) return relative.format(Math.round(diff / 60), 'minute');
        if (abs < 86400) return relative.format(Math.round(diff / 3600), 'hour');
        return relative.format(Math.round(diff / 86400), 'day');
      },
      formatDuration,
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
