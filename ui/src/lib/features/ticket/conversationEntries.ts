// A ticket's conversation as the screen holds it: every entry read so far (the newest window
// with each refresh of the ticket, older pages as the agent scrolls up), in the cache's order
// — by time, then messages before notes, then id — with what is still earlier.
import type { ConversationCursor, ConversationPage, Message, Note, OutboxItem } from "../../bindings";

export type Entry =
  | { kind: "message"; cursor: ConversationCursor; message: Message; quotedFrom: number | null }
  | { kind: "note"; cursor: ConversationCursor; note: Note };

/** What the list shows, one row each. */
export type Row =
  | { kind: "earlier"; key: string; count: number }
  | (Entry & { key: string })
  | { kind: "unsent"; key: string; item: OutboxItem };

const rank = (kind: ConversationCursor["kind"]) => (kind === "message" ? 0 : 1);

export function compareCursors(a: ConversationCursor, b: ConversationCursor): number {
  return a.at_ms - b.at_ms || rank(a.kind) - rank(b.kind) || a.id - b.id;
}

export function entryKey(entry: Entry): string {
  return entry.kind === "message" ? `m${entry.message.id}` : `n${entry.note.id}`;
}

/** The entries of a page, with where each message's quoted history starts. */
export function entriesOf(page: ConversationPage): Entry[] {
  const quoted = new Map(page.quoted.map((q) => [q.message_id, q.from]));
  return [
    ...page.messages.map(
      (message): Entry => ({
        kind: "message",
        cursor: { at_ms: Date.parse(message.created_at), kind: "message", id: message.id },
        message,
        quotedFrom: quoted.get(message.id) ?? null,
      }),
    ),
    ...page.notes.map(
      (note): Entry => ({ kind: "note", cursor: { at_ms: Date.parse(note.created_at), kind: "note", id: note.id }, note }),
    ),
  ];
}

/** What the screen holds of a conversation. */
export class Thread {
  private byKey = new Map<string, Entry>();
  /** Entries before the oldest held, and the cursor to read them from. */
  earlier = 0;
  before: ConversationCursor | null = null;

  /** Takes in a page: the ticket's newest window (`newest`) or an older page. */
  add(page: ConversationPage, newest: boolean): void {
    const oldestBefore = this.oldest();
    for (const entry of entriesOf(page)) this.byKey.set(entryKey(entry), entry);
    const first = entriesOf(page).map((e) => e.cursor).sort(compareCursors)[0] ?? null;
    // The count of what is earlier belongs to whichever read reached furthest back.
    if (!newest || oldestBefore === null || (first !== null && compareCursors(first, oldestBefore) <= 0)) {
      this.earlier = page.earlier;
      this.before = page.before;
    }
  }

  /** Oldest first. */
  entries(): Entry[] {
    return [...this.byKey.values()].sort((a, b) => compareCursors(a.cursor, b.cursor));
  }

  private oldest(): ConversationCursor | null {
    let oldest: ConversationCursor | null = null;
    for (const entry of this.byKey.values()) {
      if (oldest === null || compareCursors(entry.cursor, oldest) < 0) oldest = entry.cursor;
    }
    return oldest;
  }
}

/** The rows of the list: the earlier bar, the entries, then what the server has not confirmed. */
export function rowsOf(entries: Entry[], earlier: number, outbox: OutboxItem[]): Row[] {
  const rows: Row[] = [];
  if (earlier > 0) rows.push({ kind: "earlier", key: "earlier", count: earlier });
  for (const entry of entries) rows.push({ ...entry, key: entryKey(entry) });
  for (const item of outbox) {
    if (item.action.type === "reply" || item.action.type === "note") rows.push({ kind: "unsent", key: `u${item.id}`, item });
  }
  return rows;
}

/** Emails of a thread shown whole without asking: the newest few. */
export const OPEN_EMAILS = 3;

/** The HTML emails shown whole by default: the newest `count`. Older ones are folded to a
 * line each until the agent opens them, as mail clients fold a thread, so scrolling a long
 * thread does not build (and throw away) an email frame per message. */
export function openByDefault(rows: Row[], count = OPEN_EMAILS): Set<number> {
  const open = new Set<number>();
  for (let i = rows.length - 1; i >= 0 && open.size < count; i--) {
    const row = rows[i];
    if (row.kind === "message" && row.message.html) open.add(row.message.id);
  }
  return open;
}

/** The first words of a message, without its quoted history, on one line. */
export function snippetOf(text: string, quotedFrom: number | null, max = 160): string {
  const own = (quotedFrom === null ? text : text.slice(0, quotedFrom)).replace(/\s+/g, " ").trim();
  return own.length > max ? `${own.slice(0, max - 1)}…` : own;
}

/** A guess at a row's height before it is measured, so the scrollbar is about right and a
 * thread opens at its end without a second frame to correct the guesses: a bubble's
 * padding, border and header (56 px with the 12 px gap under each row), then its lines of
 * text (about 70 characters a line in a chat bubble, 90 in an email's full width). */
export function estimatedHeight(row: Row, channel: string, folded = false): number {
  const lines = (text: string, perLine: number, max: number) => Math.min(max, Math.max(1, Math.ceil(text.length / perLine)));
  switch (row.kind) {
    case "earlier":
      return 44;
    case "note":
      return 56 + 20 * lines(row.note.text, 90, 20);
    case "unsent":
      return 80;
    case "message":
      if (row.message.author_kind === "system") return 36;
      if (row.message.html) return folded ? 78 : 272;
      return channel === "chat" ? 56 + 20 * lines(row.message.text, 70, 30) : 76 + 20 * lines(row.message.text, 90, 20);
  }
}
