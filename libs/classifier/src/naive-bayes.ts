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
  }

  /** Labels with their posterior probability, best first. */
  scores(features: string[]): Array<{ label: L; p: number }> {
    const v = this.vocabulary.size;
    const known = features.filter((f) => this.vocabulary.has(f));
    const logs = this.labels.map((label) => {
      const counts = this.featureCounts.get(label)!;
      const denominator = this.totals.get(label)! + v;
      let log = Math.log((this.docs.get(label)! + 1) / (this.documents + this.labels.length));
      for (const f of known) log += Math.log(((counts.get(f) ?? 0) + 1) / denominator);
      return { label, log };
    });
    const max = Math.max(...logs.map((l) => l.log));
    const sum = logs.reduce((s, l) => s + Math.exp(l.log - max), 0);
    return logs.map((l) => ({ label: l.label, p: Math.exp(l.log - max) / sum })).sort((a, b) => b.p - a.p);
  }

  /** True when none of the features was ever seen in training (the answer would be the prior). */
  unknown(features: string[]): boolean {
    return !features.some((f) => this.vocabulary.has(f));
  }
}
