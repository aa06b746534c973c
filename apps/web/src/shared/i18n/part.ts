/**
 * One feature's words in both languages. `de` must name exactly the keys of `en` (the type says
 * so), so a missing German word fails the build as it does in the main dictionary.
 */
export interface DictionaryPart<K extends string> {
  en: Record<K, string>;
  de: Record<K, string>;
}

/**
 * Declares a part: `definePart({ 'inbox.bulk.assign': 'Assign' }, { 'inbox.bulk.assign': 'Zuweisen' })`.
 * Keys follow the main dictionary's `<feature>.<thing>` form.
 */
export function definePart<const E extends Record<string, string>>(en: E, de: Record<keyof E & string, string>): DictionaryPart<keyof E & string> {
  return { en, de };
}
