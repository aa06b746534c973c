import { SegmentedControl } from '@mantine/core';
import { LANGUAGES, useI18n } from '../i18n/I18nProvider';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      value={language}
      onChange={(value) => setLanguage(value)}
      data={LANGUAGES.map((l) => ({ value: l, label: l === 'de' ? 'Deutsch' : 'English' }))}
    />
  );
}
