// Earlier versions kept report and handover drafts and chat unread counts in web storage,
// in the clear and shared by everyone on the machine. On the first signed-in start they move
// into the desk (the agent's encrypted cache) and leave web storage, which from then on
// holds only display preferences.
import { backend } from "../backend";

const REPORT_DRAFTS = "arbiter.reportDraft";
const HANDOVER_DRAFTS = "arbiter.handoverDraft";
const CHAT_UNREAD = "arbiter.chatUnread";

function take(storage: Storage, key: string): Record<string, unknown> {
  const text = storage.getItem(key);
  if (text === null) return {};
  storage.removeItem(key);
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Moves what web storage still holds of the agent's work into the desk, then drops it. */
export async function moveWorkOutOfWebStorage(storage: Storage | null = globalThis.localStorage ?? null): Promise<void> {
  if (!storage) return;
  const api = backend();
  const moves: Promise<void>[] = [];
  for (const [caseId, text] of Object.entries(take(storage, REPORT_DRAFTS))) {
    if (typeof text === "string" && text.trim()) moves.push(api.saveDraft("report", caseId, text));
  }
  for (const [team, draft] of Object.entries(take(storage, HANDOVER_DRAFTS))) {
    if (draft && typeof draft === "object") moves.push(api.saveDraft("handover", team, JSON.stringify(draft)));
  }
  for (const [ticketId, count] of Object.entries(take(storage, CHAT_UNREAD))) {
    if (/^\d+$/.test(ticketId) && Number.isInteger(count) && (count as number) > 0) {
      moves.push(api.setChatUnread(Number(ticketId), count as number));
    }
  }
  // What cannot be moved (the cache is unavailable) is dropped rather than left in the clear.
  await Promise.allSettled(moves);
}
