import { describe, expect, it } from "vitest";
import { ActionKeys } from "./actions";

describe("action keys", () => {
  it("keeps an action's key until the desk has taken it, so a retry is the same action", async () => {
    const keys = new ActionKeys();
    const sent: string[] = [];
    let fail = true;
    const send = (key: string) => {
      sent.push(key);
      if (fail) return Promise.reject(new Error("offline"));
      return Promise.resolve("ok");
    };
    await expect(keys.send("close", { outcome: "refunded" }, send)).rejects.toThrow("offline");
    fail = false;
    await keys.send("close", { outcome: "refunded" }, send);
    expect(sent[0]).toBe(sent[1]);
    // Taken: the next close is another action.
    await keys.send("close", { outcome: "refunded" }, send);
    expect(sent[2]).not.toBe(sent[1]);
  });

  it("gives other content, or another action, a key of its own", () => {
    const keys = new ActionKeys();
    const a = keys.key("update", { status: "open" });
    expect(keys.key("update", { status: "open" })).toBe(a);
    expect(keys.key("update", { status: "closed" })).not.toBe(a);
    expect(keys.key("note", { status: "closed" })).not.toBe(keys.key("update", { status: "closed" }));
  });
});
