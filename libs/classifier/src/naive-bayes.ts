/**
 * Multinomial naive Bayes with Laplace smoothing over bag-of-feature documents. Small and
 * deterministic: trained in a few milliseconds from the project's labelled set when the module
 * loads, so the model is the data in this repository, never something fetched at run time.
 */
export class NaiveBayes<L extends string> {
  private readonly featureCounts = new Map<L, Map<string, number>>();
  private readonly totals = new Map<L, number>();
  private readonly docs = new Map<L, number>();
  private readonly vocabulary = new Set<string>();
  private documents = 0;
  /**
   * Log-likelihoods per feature (one entry per label, in label order) and log-priors, computed
   * once after training: the ingest path classifies every inbound message, and recomputing
   * `Math.log` and two map lookups per feature and label dominated its cost. Dropped by learn().
   */
  private compiled: { logs: Map<string, Float64Array>; priors: Float64Array } | undefined;

  constructor(private readonly labels: readonly L[]) {
    for (const l of labels) {
      this.featureCounts.set(l, new Map());
      this.totals.set(l, 0);
      this.docs.set(l, 0);
    }
  }

  learn(features: string[], label: L): void {
    const counts = this.featureCounts.get(label)!;
    for (const f of features) {
      counts.set(f, (counts.get(f) ?? 0) + 1);
      this.vocabulary.add(f);
    }
    this.totals.set(label, this.totals.get(label)! + features.length);
    this.docs.set(label, this.docs.get(label)! + 1);
    this.documents++;
    this.compiled = undefined;
  }

  /**
   * The most probable label (ties to the earlier label) and its posterior probability; `known` is
   * false when none of the features, `#`-shape features aside, was seen in training (the answer
   * would be the prior). One pass without allocating per label: the ingest path classifies every
   * inbound message.
   */
  best(features: string[]): { label: L; p: number; known: boolean } {
    const { logs: table, priors } = this.compile();
    const sums = Float64Array.from(priors);
    let known = false;
    for (const f of features) {
      const row = table.get(f);
      if (!row) continue;
      if (!known && f.charCodeAt(0) !== 35 /* # */) known = true;
      for (let i = 0; i < sums.length; i++) sums[i] += row[i];
    }
    let top = 0;
    for (let i = 1; i < sums.length; i++) if (sums[i] > sums[top]) top = i;
    let total = 0;
    for (let i = 0; i < sums.length; i++) total += Math.exp(sums[i] - sums[top]);
    return { label: this.labels[top], p: 1 / total, known };
  }

  private compile(): { logs: Map<string, Float64Array>; priors: Float64Array } {
    if (this.compiled) return this.compiled;
    const v = this.vocabulary.size;
    const priors = Float64Array.from(this.labels, (label) => Math.log((this.docs.get(label)! + 1) / (this.documents + this.labels.length)));
    const logs = new Map<string, Float64Array>();
    for (const f of this.vocabulary) {
      logs.set(
        f,
        Float64Array.from(this.labels, (label) => Math.log(((this.featureCounts.get(label)!.get(f) ?? 0) + 1) / (this.totals.get(label)! + v))),
      );
    }
    this.compiled = { logs, priors };
    return this.compiled;
  }
}
