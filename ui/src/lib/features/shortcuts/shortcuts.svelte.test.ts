import { beforeEach, describe, expect, it } from "vitest";
import { ShortcutBindings, SHORTCUTS_KEY } from "./shortcuts.svelte";

describe("ShortcutBindings", () => {
  beforeEach(() => localStorage.clear());

  it("starts from the registry's defaults", () => {
    const bindings = new ShortcutBindings(localStorage);
    expect(bindings.bindingsOf("next-ticket")).toEqual(["j", "ArrowDown"]);
    expect(bindings.bindingsOf("command-palette")).toEqual(["Mod+k"]);
    expect(bindings.isCustom("next-ticket")).toBe(false);
  });

  it("keeps a new binding across restarts, storing only the change", () => {
    new ShortcutBindings(localStorage).set("sync-now", ["Mod+Shift+Y"]);
    expect(JSON.parse(localStorage.getItem(SHORTCUTS_KEY)!)).toEqual({ "sync-now": ["Mod+Shift+y"] });

    const reopened = new ShortcutBindings(localStorage);
    expect(reopened.bindingsOf("sync-now")).toEqual(["Mod+Shift+y"]);
    expect(reopened.isCustom("sync-now")).toBe(true);

    reopened.reset("sync-now");
    expect(reopened.bindingsOf("sync-now")).toEqual(["Mod+Shift+s"]);
    expect(localStorage.getItem(SHORTCUTS_KEY)).toBeNull();
  });

  it("names the shortcut that already uses the keys", () => {
    const bindings = new ShortcutBindings(localStorage);
    expect(bindings.conflicts("focus-reply", "j")).toEqual([
      { id: "next-ticket", label: "Next ticket", binding: "j", kind: "same" },
    ]);
    expect(bindings.conflicts("focus-reply", "n")).toEqual([]);
    // Its own keys are no conflict.
    expect(bindings.conflicts("next-ticket", "j")).toEqual([]);
  });

  it("sees a key that starts a sequence as a conflict too", () => {
    const bindings = new ShortcutBindings(localStorage);
    const clashes = bindings.conflicts("focus-reply", "g");
    expect(clashes.map((c) => c.id)).toContain("go-mine");
    expect(clashes.every((c) => c.kind === "prefix")).toBe(true);
    // And a sequence that starts with another shortcut's key, which would fire first.
    expect(bindings.conflicts("sync-now", "j x")).toEqual([
      { id: "next-ticket", label: "Next ticket", binding: "j", kind: "prefix" },
    ]);
    // Extending one's own key is fine.
    expect(bindings.conflicts("focus-reply", "r x")).toEqual([]);
  });

  it("takes the keys over from the other shortcut when asked to", () => {
    const bindings = new ShortcutBindings(localStorage);
    bindings.assign("focus-reply", "j");
    expect(bindings.bindingsOf("focus-reply")).toEqual(["j"]);
    expect(bindings.bindingsOf("next-ticket")).toEqual(["ArrowDown"]);

    const reopened = new ShortcutBindings(localStorage);
    expect(reopened.bindingsOf("next-ticket")).toEqual(["ArrowDown"]);

    // Putting "next ticket" back takes j back, after saying so.
    expect(reopened.resetConflicts("next-ticket").map((c) => c.id)).toEqual(["focus-reply"]);
    reopened.reset("next-ticket");
    expect(reopened.bindingsOf("next-ticket")).toEqual(["j", "ArrowDown"]);
    expect(reopened.bindingsOf("focus-reply")).toEqual([]);

    reopened.resetAll();
    expect(reopened.bindingsOf("focus-reply")).toEqual(["r"]);
    expect(localStorage.getItem(SHORTCUTS_KEY)).toBeNull();
  });

  it("survives a corrupt or hand-edited value", () => {
    localStorage.setItem(SHORTCUTS_KEY, "{not json");
    expect(new ShortcutBindings(localStorage).bindingsOf("focus-search")).toEqual(["/"]);
    localStorage.setItem(SHORTCUTS_KEY, JSON.stringify({ "no-such-action": ["x"], "focus-search": [42, "s"], "sync-now": "oops" }));
    const bindings = new ShortcutBindings(localStorage);
    expect(bindings.bindingsOf("focus-search")).toEqual(["s"]);
    expect(bindings.bindingsOf("sync-now")).toEqual(["Mod+Shift+s"]);
  });
});
