import { describe, expect, it } from "vitest";
import type { ConversationPage, Message, Note } from "../../bindings";
import { openByDefault, rowsOf, snippetOf, Thread } from "./conversationEntries";

const at = (second: number) => new Date(Date.UTC(2026, 10, 1, 9, 0, second)).toISOString();
const message = (id: number, second: number) => ({ id, created_at: at(second), text: `m${id}`, html: null, author_kind: "customer" }) as Message;
const note = (id: number, second: number) => ({ id, created_at: at(second), text: `n${id}` }) as Note;
const page = (messages: Message[], notes: Note[], earlier: number): ConversationPage => ({
  messages,
  notes,
  earlier,
  before: earlier ? { at_ms: Math.min(...[...messages, ...notes].map((e) => Date.parse(e.created_at))), kind: "message", id: 0 } : null,
  quoted: [],
});

describe("Thread", () => {
  it("orders by time, messages before notes at one instant, then id; and never repeats", () => {
    const thread = new Thread();
    thread.add(page([message(2, 5), message(1, 5)], [note(1, 5), note(9, 1)], 3), true);
    thread.add(page([message(2, 5)], [], 3), true);
    const keys = rowsOf(thread.entries(), thread.earlier, []).map((r) => r.key);
    expect(keys).toEqual(["earlier", "n9", "m1", "m2", "n1"]);
  });

  it("keeps the count of the furthest read back", () => {
    const thread = new Thread();
    thread.add(page([message(10, 10)], [], 9), true);
    thread.add(page([message(5, 5)], [], 4), false);
    expect(thread.earlier).toBe(4);
    thread.add(page([message(11, 11)], [], 10), true); // a newer window does not undo it
    expect(thread.earlier).toBe(4);
    thread.add(page([message(1, 1)], [], 0), false);
    expect([thread.earlier, thread.before]).toEqual([0, null]);
  });
});

describe("folding older emails", () => {
  const email = (id: number, second: number) => ({ ...message(id, second), html: `<p>m${id}</p>` }) as Message;

  it("opens the newest three HTML emails and folds the rest", () => {
    const rows = rowsOf(new Thread().entries(), 0, []);
    expect(openByDefault(rows)).toEqual(new Set());
    const thread = new Thread();
    thread.add(page([email(1, 1), email(2, 2), message(3, 3), email(4, 4), email(5, 5), message(6, 6)], [], 0), true);
    expect(openByDefault(rowsOf(thread.entries(), 0, []))).toEqual(new Set([2, 4, 5]));
  });

  it("shows a folded email's own words on one line, without its quoted history", () => {
    const text = "Hello,\n\n  the card   was charged twice.\n> On Monday you wrote:\n> hi";
    expect(snippetOf(text, text.indexOf("\n>"))).toBe("Hello, the card was charged twice.");
    expect(snippetOf("x".repeat(300), null)).toHaveLength(160);
  });
});
