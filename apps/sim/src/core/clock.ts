/**
 * The sim's notion of now: wall-clock time plus an offset the control API can move forward, so
 * tests can age tokens and messaging windows without waiting.
 */
export class SimClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): number {
    this.offsetMs += ms;
    return this.now();
  }

  get offset(): number {
    return this.offsetMs;
  }
}
