import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { classify, WorkspaceMemory, type Classification, type ReviewedText } from '@resonance/classifier';
import { REVIEWED_TEXTS_REFRESH_MS, type ReviewedTexts } from './reviewed-texts';

/** What the thread keeps of one workspace's memory, on this side. */
interface WorkspaceState {
  version?: string;
  checkedAt: number;
  refreshing?: Promise<void>;
  texts: ReviewedText[];
  /** Built only when texts are classified here (no thread). */
  inline?: WorkspaceMemory;
}

/**
 * Classifies texts on a thread of its own. Classification is the worker's largest CPU cost at
 * full ingest rate (about 57 µs a message, measured on 40,000 comments: the sync's fetch loop ran
 * at 23,700 messages/s without it and 10,100/s with it), and on the main thread it delays every
 * page fetch and every statement of the batch being written. On its own thread it runs on the
 * second core, beside the fetching and PostgreSQL's work.
 *
 * Each workspace's corrections teach its labels (libs/classifier workspace-memory.ts): the thread
 * holds one memory per workspace, built from the texts agents reviewed. Before a batch of a
 * workspace is sent, and at most once per `refreshMs`, one cheap query asks whether the workspace
 * has new corrections (reviewed-texts.ts); only then are its reviewed texts read and sent to the
 * thread, which rebuilds that memory. No message waits for the database on its own.
 *
 * The thread loads the same classifier package (its compiled output); if it cannot start or dies,
 * texts are classified on the calling thread instead (with the same memories), so a label is never lost.
 */
export class ClassifierThread {
  private worker: Worker | undefined;
  private failed = false;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (labels: Classification[]) => void; texts: string[]; workspaceId?: string }>();
  private readonly workspaces = new Map<string, WorkspaceState>();

  constructor(
    private readonly reviewed?: ReviewedTexts,
    private readonly refreshMs = REVIEWED_TEXTS_REFRESH_MS,
  ) {}

  /** True while texts go to the thread (false before first use, after close() or a failure). */
  get onThread(): boolean {
    return this.worker !== undefined;
  }

  /** Labels of `texts`; with `workspaceId`, taught by that workspace's corrections. */
  async classify(texts: string[], workspaceId?: string): Promise<Classification[]> {
    if (!texts.length) return [];
    if (workspaceId !== undefined) await this.refresh(workspaceId);
    const worker = this.start();
    if (!worker) return this.inline(texts, workspaceId);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, { resolve, texts, workspaceId });
      worker.postMessage({ id, texts, workspaceId });
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

  /** Reads the workspace's reviewed texts when they changed (checked at most once per refreshMs) and hands them to the thread. */
  private async refresh(workspaceId: string): Promise<void> {
    if (!this.reviewed) return;
    let state = this.workspaces.get(workspaceId);
    if (!state) this.workspaces.set(workspaceId, (state = { checkedAt: -Infinity, texts: [] }));
    if (state.refreshing) return state.refreshing;
    if (Date.now() - state.checkedAt < this.refreshMs) return;
    const current = state;
    current.refreshing = (async () => {
      try {
        const snapshot = await this.reviewed?.ifChanged(workspaceId, current.version);
        if (snapshot) {
          current.version = snapshot.version;
          current.texts = snapshot.texts;
          current.inline = undefined;
          // Messages to the thread are handled in order: every batch sent after this one uses the new
          // memory. A thread not started yet gets every memory when it starts (start()).
          this.worker?.postMessage({ memory: { workspaceId, texts: snapshot.texts } });
        }
      } catch {
        // The database did not answer: labels go on with the memory the thread has; asked again next interval.
      } finally {
        current.checkedAt = Date.now();
        current.refreshing = undefined;
      }
    })();
    return current.refreshing;
  }

  private inline(texts: string[], workspaceId: string | undefined): Classification[] {
    const state = workspaceId === undefined ? undefined : this.workspaces.get(workspaceId);
    if (state?.texts.length) state.inline ??= new WorkspaceMemory(state.texts);
    const memory = state?.inline;
    return texts.map((t) => classify(t, undefined, memory));
  }

  private start(): Worker | undefined {
    if (this.worker || this.failed) return this.worker;
    try {
      // The package's compiled entry (also when this file runs from source, as in the tests).
      const compiled = join(dirname(require.resolve('@resonance/classifier/package.json')), 'dist', 'index.js');
      const worker = new Worker(THREAD_SOURCE(compiled), {
        eval: true,
        // The model, the workspaces' memories and a page's texts are small: a bounded heap keeps the worker within its memory budget.
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
      // A thread started after memories were read (or restarted) gets them all first.
      for (const [workspaceId, state] of this.workspaces) if (state.texts.length) worker.postMessage({ memory: { workspaceId, texts: state.texts } });
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
      entry.resolve(this.inline(entry.texts, entry.workspaceId));
    }
  }
}

/**
 * The thread's program: the compiled classifier, one memory per workspace (replaced whole when a
 * workspace's reviewed texts changed), answering each batch of texts in order.
 */
const THREAD_SOURCE = (classifierPath: string) => `
  const { parentPort } = require('node:worker_threads');
  const { classify, WorkspaceMemory } = require(${JSON.stringify(classifierPath)});
  const memories = new Map();
  parentPort.on('message', (message) => {
    if (message.memory) {
      const { workspaceId, texts } = message.memory;
      if (texts.length) memories.set(workspaceId, new WorkspaceMemory(texts));
      else memories.delete(workspaceId);
      return;
    }
    const memory = message.workspaceId === undefined ? undefined : memories.get(message.workspaceId);
    parentPort.postMessage({ id: message.id, labels: message.texts.map((t) => classify(t, undefined, memory)) });
  });
`;
