// The in-memory desk's conversation pages, in the order the cache gives them: by time, then
// messages before notes, then id; a page is the newest `limit` entries before a cursor.
import type { ConversationCursor, ConversationPage, Message, Note, TicketView } from "../bindings";

/** A ticket as the in-memory desk keeps it: the whole conversation, paged when read. */
export type FakeTicket = Omit<TicketView, "conversation"> & { messages: Message[]; notes: Note[] };

type Entry = { cursor: ConversationCursor; message?: Message; note?: Note };

const rank = (kind: ConversationCursor["kind"]) => (kind === "message" ? 0 : 1);

export function compareCursors(a: ConversationCursor, b: ConversationCursor): number {
  return a.at_ms - b.at_ms || rank(a.kind) - rank(b.kind) || a.id - b.id;
}

export function conversationPage(
  messages: Message[],
  notes: Note[],
  before: ConversationCursor | null,
  limit: number,
): ConversationPage {
  const entries: Entry[] = [
    ...messages.map((message): Entry => ({ cursor: { at_ms: Date.parse(message.created_at), kind: "message", id: message.id }, message })),
    ...notes.map((note): Entry => ({ cursor: { at_ms: Date.parse(note.created_at), kind: "note", id: note.id }, note })),
  ].sort((a, b) => compareCursors(a.cursor, b.cursor));
  const end = before ? entries.findIndex((e) => compareCursors(e.cursor, before) >= 0) : -1;
  const upTo = end === -1 ? entries.length : end;
  const start = Math.max(0, upTo - Math.max(1, limit));
  const page = entries.slice(start, upTo);
  return {
    messages: page.flatMap((e) => (e.message ? [e.message] : [])),
    notes: page.flatMap((e) => (e.note ? [e.note] : [])),
    earlier: start,
    before: start > 0 && page.length ? page[0].cursor : null,
    quoted: [],
  };
}
