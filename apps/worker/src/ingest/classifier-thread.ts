import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { classify, type Classification } from '@resonance/classifier';

/**
 * Classifies texts on a thread of its own. Classification is the worker's largest CPU cost at
 * full ingest rate (about 57 µs a message, measured on 40,000 comments: the sync's fetch loop ran
 * at 23,700 messages/s without it and 10,100/s with it), and on the main thread it delays every
 * page fetch and every statement of the batch being written. On its own thread it runs on the
 * second core, beside the fetching and PostgreSQL's work.
 *
 * The thread loads the same classifier package (its compiled output); if it cannot start or dies,
 * texts are classified on the calling thread instead, so a label is never lost.
 */
export class ClassifierThread {
  private worker: Worker | undefined;
  private failed = false;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (labels: Classification[]) => void; texts: string[] }>();

  /** True while texts go to the thread (false before first use, after close() or a failure). */
  get onThread(): boolean {
    return this.worker !== undefined;
  }

  async classify(texts: string[]): Promise<Classification[]> {
    if (!texts.length) return [];
    const worker = this.start();
    if (!worker) return texts.map((t) => classify(t));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, { resolve, texts });
      worker.postMessage({ id, texts });
    });
  }

  /** Stops the thread (answers still owed are computed here). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failed = true;
    this.drainInline();
    await worker?.terminate();
  }

  private start(): Worker | undefined {
    if (this.worker || this.failed) return this.worker;
    try {
      // The package's compiled entry (also when this file runs from source, as in the tests).
      const compiled = join(dirname(require.resolve('@resonance/classifier/package.json')), 'dist', 'index.js');
      const worker = new Worker(THREAD_SOURCE(compiled), {
        eval: true,
        // The model and a page's texts are small: a bounded heap keeps the worker within its memory budget.
        resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
      });
      worker.unref();
      worker.on('message', (answer: { id: number; labels: Classification[] }) => {
        const entry = this.waiting.get(answer.id);
        this.waiting.delete(answer.id);
        entry?.resolve(answer.labels);
      });
      worker.on('error', () => this.fail());
      worker.on('exit', () => this.fail());
      this.worker = worker;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }

  private fail(): void {
    this.worker = undefined;
    this.failed = true;
    this.drainInline();
  }

  private drainInline(): void {
    for (const [id, entry] of this.waiting) {
      this.waiting.delete(id);
      entry.resolve(entry.texts.map((t) => classify(t)));
    }
  }
}

/** The thread's program: the compiled classifier, answering each batch of texts in order. */
const THREAD_SOURCE = (classifierPath: string) => `
  const { parentPort } = require('node:worker_threads');
  const { classify } = require(${JSON.stringify(classifierPath)});
  parentPort.on('message', ({ id, texts }) => parentPort.postMessage({ id, labels: texts.map((t) => classify(t)) }));
`;
