import { describe, expect, it } from "vitest";
import type { ConversationPage, Message, Note } from "../../bindings";
import { rowsOf, Thread } from "./conversationEntries";

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
