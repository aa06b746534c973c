/**
 * The payload shapes a connector could not read, as its error records name them. Every sync of a
 * channel meets the same shape again (a field the network added, a form the mapper does not know),
 * so each is logged once per worker process, not once per page; the set is bounded so a network
 * sending ever-new shapes cannot grow it without end.
 */
export class UnexpectedShapes {
  private readonly seen = new Set<string>();

  constructor(private readonly limit = 1_000) {}

  /** The messages not seen before, in order; remembers them. */
  firstSeen(messages: readonly string[]): string[] {
    const fresh: string[] = [];
    for (const message of messages) {
      if (this.seen.has(message)) continue;
      if (this.seen.size >= this.limit) this.seen.delete(this.seen.values().next().value as string);
      this.seen.add(message);
      fresh.push(message);
    }
    return fresh;
  }
}
