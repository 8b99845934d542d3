/**
 * Runs trading work one piece at a time, in arrival order. Orders, fills and cancels of every
 * account pass through here, so a risk check always sees the state the previous decision left,
 * and the in-memory state is applied in exactly the order of the event log.
 */
export class Sequencer {
  private tail: Promise<unknown> = Promise.resolve();
  private depth = 0;

  get pending(): number {
    return this.depth;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    this.depth++;
    const result = this.tail.then(work, work);
    this.tail = result.then(
      () => this.depth--,
      () => this.depth--,
    );
    return result;
  }
}
