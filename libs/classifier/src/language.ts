/** The languages the classifier knows (its own module: the tokenizer and the language detector both need it). */
export type Language = 'de' | 'en';
export const LANGUAGES: Language[] = ['de', 'en'];
