/**
 * Trains the post-topic model (deals, product, service, brand; libs/classifier/src/post-topic.ts)
 * on libs/classifier/data/post-topic/{en,de}-train.txt and writes its weights to
 * libs/classifier/src/model/post-topic.json. The *-test.txt files are never read here (the
 * accuracy test in libs/classifier/test/post-topic.spec.ts reads them). Deterministic: the same
 * data and seed give a byte-identical file.
 *
 *   node -r ./scripts/register-ts.cjs scripts/train-post-topic.ts [--seed 23]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOPICS, TOPIC_BITS, postTopicFeatures } from '../libs/classifier/src/post-topic';
import { readPostTopicSet } from '../libs/classifier/src/training/datasets';
import { trainLogisticRegression } from '../libs/classifier/src/training/logistic-regression';

const seedArg = process.argv.indexOf('--seed');
const seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 23;
const examples = (['en', 'de'] as const).flatMap((lang) =>
  readPostTopicSet(lang, 'train').map((p) => ({ features: postTopicFeatures(p.text, lang), label: p.topic })),
);
const model = trainLogisticRegression(TOPICS, examples, { bits: TOPIC_BITS, epochs: 40, learningRate: 0.5, l2: 1e-5, seed });
const file = join(__dirname, '..', 'libs', 'classifier', 'src', 'model', 'post-topic.json');
const about = `topic of a company post; multinomial logistic regression over hashed word/char n-grams; trained on libs/classifier/data/post-topic/*-train.txt (seed ${seed})`;
writeFileSync(file, `${JSON.stringify(model.toJSON(about), null, 1)}\n`);
process.stdout.write(`wrote ${file} (${examples.length} posts)\n`);
