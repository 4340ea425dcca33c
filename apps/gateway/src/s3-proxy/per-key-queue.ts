/**
 * Runs tasks one at a time per key, in arrival order. Uploads of unknown length grow their quota
 * reservation as bytes arrive; run side by side, each would hold a slice of the remaining quota and
 * none could finish. One at a time, every upload that fits is admitted. (Per gateway instance: the
 * quota itself stays exact across instances, only this fairness is local.)
 */
export class PerKeyQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
