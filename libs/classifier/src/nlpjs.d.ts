/** The small part of nlp.js's language packages that the classifier uses (they ship no types). */
declare module '@nlpjs/lang-de' {
  export class StemmerDe {
    /** Every word stemmed so far (keys are the word with a leading '.'). */
    cache: Record<string, string>;
    stem(tokens: string[]): string[];
  }
  export class NormalizerDe {
    normalize(text: string): string;
  }
  export const SentimentDe: { senticon: Record<string, number>; negations: { words: string[] } };
}
declare module '@nlpjs/lang-en' {
  export class StemmerEn {
    /** Every word stemmed so far (keys are the word with a leading '.'). */
    cache: Record<string, string>;
    stem(tokens: string[]): string[];
  }
  export class NormalizerEn {
    normalize(text: string): string;
  }
  export const SentimentEn: { senticon: Record<string, number>; negations: { words: string[] } };
}
