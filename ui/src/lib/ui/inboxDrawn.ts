// The first frame with the inbox's tickets in it, as a performance mark: the cold-start bench
// (tests/perf/cold-start.mjs) reads it to time launch → inbox drawn from the local copy.
export const INBOX_DRAWN = "arbiter:inbox-drawn";

const marked = () => performance.getEntriesByName(INBOX_DRAWN).length > 0;

/** Marks the next frame, once per page load. */
export function markInboxDrawn(): void {
  if (marked()) return;
  requestAnimationFrame(() => {
    if (!marked()) performance.mark(INBOX_DRAWN);
  });
}
