/**
 * Measures the intent classifier on the project's labelled test set, German and English apart,
 * and prints the Markdown tables that docs/classifier.md quotes.
 *   node -r esbuild-register scripts/classifier-report.ts
 */
import { IntentClassifier, evaluate, type LabelledComment } from '../libs/classifier/src';
import train from '../libs/classifier/src/data/train.json';
import test from '../libs/classifier/src/data/test.json';

const classifier = new IntentClassifier(train as LabelledComment[]);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
for (const language of ['de', 'en'] as const) {
  const e = evaluate(classifier, test as LabelledComment[], language);
  const lines = [
    `### ${language === 'de' ? 'German' : 'English'} (${e.items} test items, accuracy ${pct(e.accuracy)})`,
    '',
    '| intent | support | precision | recall |',
    '| --- | ---: | ---: | ---: |',
    ...e.classes.map((c) => `| ${c.intent} | ${c.support} | ${pct(c.precision)} | ${pct(c.recall)} |`),
    '',
    `Sentiment sign: praise scored > 0 in ${pct(e.sentimentSign.praisePositive)}, complaints scored < 0 in ${pct(e.sentimentSign.complaintNegative)}.`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
const started = process.hrtime.bigint();
const texts = (test as LabelledComment[]).map((t) => t.text);
let n = 0;
while (n < 20_000) for (const t of texts) (classifier.classify(t), n++);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(`Speed: ${Math.round(n / seconds).toLocaleString('en')} comments/s on one core.\n`);
