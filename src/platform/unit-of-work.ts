/**
 * Runs a piece of work in one transaction over a set of stores: either everything it wrote is
 * kept, or nothing is. Use cases name the stores they need; the adapters supply all of them.
 */
export interface UnitOfWork<Stores> {
  run<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
}
