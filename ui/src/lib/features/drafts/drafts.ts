// Drafts of what the agent writes and has not sent — replies (by ticket), report analyses
// (by case), shift handovers (by team). The desk keeps them in the agent's encrypted cache,
// never in web storage (which would hold them in the clear, shared by everyone on the
// machine). Here they are held in memory at once, and saved shortly after typing stops.
import { backend } from "../../backend";
import type { DraftKind } from "../../bindings";

/** How long after the last keystroke a draft is saved. */
export const SAVE_AFTER_MS = 400;

type Slot = string;
const slot = (kind: DraftKind, key: string | number): Slot => `${kind}:${key}`;
const memory = new Map<Slot, string>();
const timers = new Map<Slot, ReturnType<typeof setTimeout>>();

function cancel(at: Slot): void {
  const timer = timers.get(at);
  if (timer) clearTimeout(timer);
  timers.delete(at);
}

export const drafts = {
  /** What this session holds for the draft ("" when nothing yet). */
  peek(kind: DraftKind, key: string | number): string {
    return memory.get(slot(kind, key)) ?? "";
  },

  /** The draft: this session's, or else the one the desk kept ("" when none). */
  async load(kind: DraftKind, key: string | number): Promise<string> {
    const held = memory.get(slot(kind, key));
    if (held !== undefined) return held;
    const saved = await backend().draft(kind, String(key));
    if (saved && !memory.has(slot(kind, key))) memory.set(slot(kind, key), saved);
    return memory.get(slot(kind, key)) ?? saved;
  },

  /** Keeps `text` now and saves it when typing stops; `failed` hears if it could not be. */
  set(kind: DraftKind, key: string | number, text: string, failed?: (error: unknown) => void): void {
    const at = slot(kind, key);
    if (text === "") memory.delete(at);
    else memory.set(at, text);
    cancel(at);
    timers.set(
      at,
      setTimeout(() => {
        timers.delete(at);
        backend()
          .saveDraft(kind, String(key), text)
          .catch((e: unknown) => failed?.(e));
      }, SAVE_AFTER_MS),
    );
  },

  /** Saves at once (before something that could lose it, like a reply's undo window). */
  async save(kind: DraftKind, key: string | number, text: string): Promise<void> {
    const at = slot(kind, key);
    cancel(at);
    if (text === "") memory.delete(at);
    else memory.set(at, text);
    await backend().saveDraft(kind, String(key), text);
  },

  /** Forgets the draft in this session only (the desk's copy stays until `clear`). */
  forget(kind: DraftKind, key: string | number): void {
    const at = slot(kind, key);
    cancel(at);
    memory.delete(at);
  },

  /** Forgets the draft here and in the desk (it was sent). */
  async clear(kind: DraftKind, key: string | number): Promise<void> {
    this.forget(kind, key);
    await backend().saveDraft(kind, String(key), "");
  },
};
