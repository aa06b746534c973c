import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { INTENTS, type Intent } from '@resonance/contracts';
import type { LabelledComment } from '../classifier';
import { SENTIMENT_LABELS as SENTIMENTS, type SentimentLabel } from '../model-features';
import { TOPICS, type Topic } from '../post-topic';
import type { Language } from '../text';

/**
 * Readers for the labelled sets the training script and the accuracy tests use. Offline only:
 * the classifier itself never reads a file at run time (its weights are imported JSON).
 */

export interface LabelledSentiment {
  text: string;
  label: SentimentLabel;
}

/** This package's data directory (libs/classifier/data), from src or from dist. */
export const DATA_DIR = join(__dirname, '..', '..', 'data');

/** The project's intent set: data/intent/<lang>-<split>.txt, one `intent|text` per line. */
export function readIntentSet(lang: Language, split: 'train' | 'test'): LabelledComment[] {
  const file = join(DATA_DIR, 'intent', `${lang}-${split}.txt`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const bar = line.indexOf('|');
      const intent = line.slice(0, bar) as Intent;
      if (bar < 0 || !INTENTS.includes(intent)) throw new Error(`${file}:${i + 1}: expected "intent|text", got ${line}`);
      return { lang, intent, text: line.slice(bar + 1) };
    });
}

/**
 * TweetEval's sentiment test split (= SemEval-2017 Task 4A test, 12,284 English tweets), kept in
 * data/corpora as `label<TAB>text` lines, gzipped. The fixed evaluation split: never trained on.
 */
export function readTweetEvalTest(): LabelledSentiment[] {
  return readLabelledTsv(gunzipSync(readFileSync(join(DATA_DIR, 'corpora', 'tweeteval-sentiment-test.tsv.gz'))).toString('utf8'));
}

export function readLabelledTsv(content: string): LabelledSentiment[] {
  return content
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const tab = line.indexOf('\t');
      const label = line.slice(0, tab) as SentimentLabel;
      if (!SENTIMENTS.includes(label)) throw new Error(`unknown sentiment label in: ${line}`);
      return { label, text: line.slice(tab + 1) };
    });
}

/**
 * SemEval-2013…2016 Task 4A training pool as published in the datastories-semeval2017-task4
 * repository (dataset/Subtask_A/downloaded/*.tsv: id<TAB>label<TAB>text). The 2017 test set is
 * not among them; `exclude` drops any text that is also in the evaluation split.
 */
export function readSemEvalPool(dir: string, exclude: ReadonlySet<string>): LabelledSentiment[] {
  const seen = new Set<string>();
  const out: LabelledSentiment[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => /^twitter-201[3-6].*-A\.tsv$/.test(f))
    .sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const [id, label, ...rest] = line.split('\t');
      const text = unescapeSemEval(rest.join(' ').trim());
      if (!id || !SENTIMENTS.includes(label as SentimentLabel) || !text || seen.has(id) || exclude.has(normalised(text))) continue;
      seen.add(id);
      out.push({ label: label as SentimentLabel, text });
    }
  }
  return out;
}

/** The files escape non-ASCII characters as \uXXXX and quote some texts. */
function unescapeSemEval(text: string): string {
  const unquoted = text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text;
  return unquoted.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Lower-case letters and digits only: the key for "is this the same text" checks. */
export function normalised(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}\p{Extended_Pictographic}]+/gu, '');
}

/** The post-topic set: data/post-topic/<lang>-<split>.txt, one `topic|text` per line. */
export function readPostTopicSet(lang: Language, split: 'train' | 'test'): Array<{ lang: Language; topic: Topic; text: string }> {
  const file = join(DATA_DIR, 'post-topic', `${lang}-${split}.txt`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const bar = line.indexOf('|');
      const topic = TOPICS.find((t) => t === line.slice(0, bar));
      if (bar < 0 || !topic) throw new Error(`${file}:${i + 1}: expected "topic|text", got ${line}`);
      return { lang, topic, text: line.slice(bar + 1) };
    });
}
