/**
 * Measures the shipped classifier and prints the Markdown that docs/classifier.md quotes:
 * - intent precision/recall per language on the project's intent test set;
 * - English sentiment on TweetEval's sentiment test split (SemEval-2017 Task 4A; macro-recall);
 * - German sentiment on GermEval 2017's synchronic test set (micro-F1), when --germeval is given;
 * - complaint precision/recall/F1 on the complaints corpus of Preoţiuc-Pietro et al. 2019, when
 *   --complaints is given (those two corpora are not in the repository: docs/classifier.md says why);
 * - the intent mix against the ground truth of the network simulator's generator;
 * - speed in comments per CPU-second (one core).
 *
 *   node -r ./scripts/register-ts.cjs scripts/classifier-report.ts [--germeval test.tsv] [--complaints complaints-data.csv]
 */
import { readFileSync } from 'node:fs';
import { INTENTS, type Intent } from '@resonance/contracts';
import {
  SENTIMENT_LABELS,
  defaultClassifier,
  evaluate,
  labelScore,
  macroRecall,
  microF1,
  sentimentBand,
  type Prediction,
  type SentimentLabel,
} from '../libs/classifier/src';
import { readIntentSet, readTweetEvalTest } from '../libs/classifier/src/training/datasets';
import { buildHistory, createGenerator, generateItems, type GeneratedItem } from '../apps/sim/src/generator';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const classifier = defaultClassifier();
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const out = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n\n`);

for (const language of ['de', 'en'] as const) {
  const e = evaluate(classifier, readIntentSet(language, 'test'), language);
  out([
    `### Intent, ${language === 'de' ? 'German' : 'English'} (${e.items} test comments, accuracy ${pct(e.accuracy)})`,
    '',
    '| intent | support | precision | recall |',
    '| --- | ---: | ---: | ---: |',
    ...e.classes.map((c) => `| ${c.intent} | ${c.support} | ${pct(c.precision)} | ${pct(c.recall)} |`),
    '',
    `Sentiment of the same comments: praise scored positive (> 0.25) ${pct(e.sentimentSign.praisePositive)}, complaints negative (< −0.25) ${pct(e.sentimentSign.complaintNegative)}.`,
  ]);
}

function sentimentTable(title: string, predictions: Array<Prediction<SentimentLabel>>, headline: string): void {
  const majority = Math.max(...SENTIMENT_LABELS.map((l) => predictions.filter((p) => p.truth === l).length)) / predictions.length;
  out([
    `### ${title} (${predictions.length} texts; ${headline}; majority-class baseline accuracy ${pct(majority)})`,
    '',
    '| sentiment | support | precision | recall | F1 |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...SENTIMENT_LABELS.map((l) => {
      const s = labelScore(predictions, l);
      return `| ${l} | ${s.support} | ${pct(s.precision)} | ${pct(s.recall)} | ${s.f1.toFixed(3)} |`;
    }),
  ]);
}

const tweets = readTweetEvalTest().map((t) => ({ truth: t.label, predicted: sentimentBand(classifier.sentiment(t.text, 'en')) }));
sentimentTable(
  'Sentiment, English: TweetEval sentiment test split',
  tweets,
  `macro-recall ${macroRecall(tweets, SENTIMENT_LABELS).toFixed(3)}, accuracy ${pct(microF1(tweets))}`,
);

const germevalFile = option('germeval');
if (germevalFile) {
  // id<TAB>text<TAB>relevance<TAB>sentiment<TAB>aspects — every document counts, as in subtask B.
  const docs = readFileSync(germevalFile, 'utf8')
    .split('\n')
    .map((l) => l.split('\t'))
    .filter((p) => p.length >= 4 && SENTIMENT_LABELS.includes(p[3].trim() as SentimentLabel));
  const predictions = docs.map((p) => ({ truth: p[3].trim() as SentimentLabel, predicted: sentimentBand(classifier.sentiment(p[1], 'de')) }));
  sentimentTable('Sentiment, German: GermEval 2017 synchronic test set', predictions, `micro-F1 ${microF1(predictions).toFixed(3)}`);
}

const complaintsFile = option('complaints');
if (complaintsFile) {
  // id,text,label(1 = complaint),domain
  const rows = parseCsv(readFileSync(complaintsFile, 'utf8')).filter((r) => r.length >= 4 && (r[2] === '0' || r[2] === '1'));
  const labelled = rows.map((r) => ({ truth: r[2] === '1', c: classifier.classify(r[1], 'en') }));
  const asComplaint = (intent: (c: (typeof labelled)[number]['c']) => boolean) =>
    labelScore(
      labelled.map((l) => ({ truth: l.truth ? 'complaint' : 'other', predicted: intent(l.c) ? 'complaint' : 'other' })),
      'complaint',
    );
  const support = asComplaint((c) => c.intent === 'complaint_support');
  const negativeSupport = asComplaint((c) => c.intent === 'complaint_support' && c.sentiment < 0);
  out([
    `### Complaints corpus (${rows.length} tweets, ${labelled.filter((l) => l.truth).length} complaints)`,
    '',
    '| counted as complaint | precision | recall | F1 |',
    '| --- | ---: | ---: | ---: |',
    `| intent complaint_support | ${pct(support.precision)} | ${pct(support.recall)} | ${support.f1.toFixed(3)} |`,
    `| complaint_support and sentiment < 0 | ${pct(negativeSupport.precision)} | ${pct(negativeSupport.recall)} | ${negativeSupport.f1.toFixed(3)} |`,
  ]);
}

function intentMix(title: string, items: GeneratedItem[]): void {
  const inbound = items.flatMap((i) => ((i.kind === 'comment' || i.kind === 'message') && i.intent ? [{ text: i.text, truth: i.intent }] : []));
  const predicted = inbound.map((i) => ({ truth: i.truth, predicted: classifier.classify(i.text).intent }));
  const share = (intent: Intent, key: 'truth' | 'predicted') => predicted.filter((p) => p[key] === intent).length / predicted.length;
  out([
    `### ${title} (${inbound.length} inbound texts, accuracy ${pct(microF1(predicted))})`,
    '',
    '| intent | truth | labelled |',
    '| --- | ---: | ---: |',
    ...INTENTS.map((i) => `| ${i} | ${pct(share(i, 'truth'))} | ${pct(share(i, 'predicted'))} |`),
  ]);
}

intentMix('Simulator, live generator (seed 23, 20,000 items)', [...generateItems({ seed: 23 }, 20_000)]);
const world = createGenerator({ seed: 23 });
intentMix(
  'Simulator, demo history (seed 23, 30 days, every network)',
  (['facebook', 'x', 'linkedin', 'youtube', 'xing'] as const).flatMap((network) =>
    buildHistory({ seed: 23, network, days: 30, endAt: Date.UTC(2026, 11, 1), customer: (index) => world.customer(index) }),
  ),
);

const texts = [...readIntentSet('de', 'test'), ...readIntentSet('en', 'test')].map((t) => t.text);
for (let r = 0; r < 3; r++) for (const t of texts) classifier.classify(t);
const cpu = process.cpuUsage();
let n = 0;
while (n < 50_000) {
  for (const t of texts) classifier.classify(t);
  n += texts.length;
}
const used = process.cpuUsage(cpu);
const perCpuSecond = n / ((used.user + used.system) / 1e6);
out([
  `Speed: ${Math.round(perCpuSecond).toLocaleString('en')} comments per CPU-second (one core); 5,000 comments/s cost ${(5000 / perCpuSecond).toFixed(2)} core.`,
]);

/** Minimal RFC 4180 reader (quoted fields, doubled quotes, newlines inside quotes). */
function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (quoted && ch === '"' && content[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) field += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
