// Cache-change events come in bursts: the live stream applies each message as it arrives, so a
// supervisor's desk can get hundreds a second at a shift change. A screen that read the
// local copy again on every event would queue hundreds of reads whose answers are thrown away
// (only the newest is shown), costing the desk CPU and the page memory. `coalesced` runs the
// read once at a time; events during a run make exactly one more run after it, which sees
// all of them.

/**
 * Wraps `run` so runs never overlap: a call while one is going returns the promise of the
 * single run queued after it. What calls bring (changed ids, say) is handed to the next run.
 */
export function coalesced<T = void>(run: (gathered: T[]) => Promise<void>): (item?: T) => Promise<void> {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let gathered: T[] = [];

  const start = (): Promise<void> => {
    const items = gathered;
    gathered = [];
    const current = run(items)
      .catch(() => {}) // each screen reports its own failures; a failed run must not stop the next
      .finally(() => {
        if (running === current) running = null;
      });
    running = current;
    return current;
  };

  return (item?: T) => {
    if (item !== undefined) gathered.push(item);
    if (queued) return queued;
    if (!running) return start();
    queued = running.then(() => {
      queued = null;
      return start();
    });
    return queued;
  };
}
