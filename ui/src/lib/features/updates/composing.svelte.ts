// Whether the agent is writing a reply right now (text in an open reply box, or a send still
// in its undo window). The desk does not restart into an update then; the rule itself is
// the desk's (arbiter_desk::updates::restart_refusal), this only tells it the fact.
import { SvelteSet } from "svelte/reactivity";

const writing = new SvelteSet<symbol>();

export const composing = {
  get now(): boolean {
    return writing.size > 0;
  },
  /** Counts the calling component (a reply box) as writing while `active()` holds; call it
   *  while the component sets up. */
  follow(active: () => boolean): void {
    const who = Symbol("writer");
    $effect(() => {
      if (active()) writing.add(who);
      else writing.delete(who);
      return () => writing.delete(who);
    });
  },
};
