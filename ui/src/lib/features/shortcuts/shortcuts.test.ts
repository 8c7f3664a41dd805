import { describe, expect, it } from "vitest";
import { chordFromEvent, describeBinding, isTyping, normalizeBinding, SEQUENCE_TIMEOUT_MS } from "./keys";
import { SHORTCUTS, ShortcutMatcher, type ShortcutId } from "./shortcuts";

const key = (init: KeyboardEventInit & { modifierAltGraph?: boolean; modifierCapsLock?: boolean }) =>
  new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init });

function defaults(id: ShortcutId): string[] {
  return SHORTCUTS.find((s) => s.id === id)?.defaults ?? [];
}

describe("chords from key presses", () => {
  it("names printable keys by the character produced, whatever it took to type it", () => {
    // German layout: "/" is Shift+7, "?" is Shift+ß.
    expect(chordFromEvent(key({ key: "/", code: "Digit7", shiftKey: true }), false)).toBe("/");
    expect(chordFromEvent(key({ key: "?", code: "Minus", shiftKey: true }), false)).toBe("?");
    // US layout: "?" is Shift+/.
    expect(chordFromEvent(key({ key: "?", code: "Slash", shiftKey: true }), false)).toBe("?");
    // On the physical "/" key of a German keyboard sits "-": it must not count as "/".
    expect(chordFromEvent(key({ key: "-", code: "Slash" }), false)).toBe("-");
  });

  it("treats AltGr as part of the character, not as Ctrl+Alt", () => {
    // Windows reports AltGr+Q on a German keyboard as Ctrl+Alt with key "@".
    const altGr = key({ key: "@", code: "KeyQ", ctrlKey: true, altKey: true, modifierAltGraph: true });
    expect(chordFromEvent(altGr, false)).toBe("@");
  });

  it("keeps the case of letters, and ignores Caps Lock", () => {
    expect(chordFromEvent(key({ key: "j", code: "KeyJ" }), false)).toBe("j");
    expect(chordFromEvent(key({ key: "J", code: "KeyJ", shiftKey: true }), false)).toBe("J");
    expect(chordFromEvent(key({ key: "J", code: "KeyJ", modifierCapsLock: true }), false)).toBe("j");
  });

  it("reads Mod as Cmd on a Mac and Ctrl elsewhere", () => {
    expect(chordFromEvent(key({ key: "k", code: "KeyK", ctrlKey: true }), false)).toBe("Mod+k");
    expect(chordFromEvent(key({ key: "k", code: "KeyK", metaKey: true }), true)).toBe("Mod+k");
    expect(chordFromEvent(key({ key: "k", code: "KeyK", ctrlKey: true }), true)).toBe("Ctrl+k");
    expect(chordFromEvent(key({ key: "K", code: "KeyK", ctrlKey: true, shiftKey: true }), false)).toBe("Mod+Shift+k");
  });

  it("names Ctrl chords by the letter key on non-Latin layouts", () => {
    // Russian layout: the K key types "л"; Ctrl+K should still open the palette.
    expect(chordFromEvent(key({ key: "л", code: "KeyK", ctrlKey: true }), false)).toBe("Mod+k");
  });

  it("ignores presses of modifiers alone and dead keys", () => {
    expect(chordFromEvent(key({ key: "Shift", code: "ShiftLeft", shiftKey: true }), false)).toBeNull();
    expect(chordFromEvent(key({ key: "Dead", code: "Equal" }), false)).toBeNull();
  });

  it("writes bindings one way and describes them in words", () => {
    expect(normalizeBinding("Mod+K")).toBe("Mod+k");
    expect(normalizeBinding("Shift+?")).toBe("?");
    expect(normalizeBinding(" g   m ")).toBe("g m");
    expect(describeBinding("Mod+k", false)).toBe("Ctrl+K");
    expect(describeBinding("Mod+k", true)).toBe("⌘K");
    expect(describeBinding("g m", false)).toBe("g then m");
  });
});

describe("ShortcutMatcher", () => {
  const matcher = (mac = false) => new ShortcutMatcher(defaults, mac);

  it("matches the defaults", () => {
    const m = matcher();
    expect(m.match(key({ key: "j" }), false)).toBe("next-ticket");
    expect(m.match(key({ key: "ArrowDown" }), false)).toBe("next-ticket");
    expect(m.match(key({ key: "k" }), false)).toBe("previous-ticket");
    expect(m.match(key({ key: "r" }), false)).toBe("focus-reply");
    expect(m.match(key({ key: "?", shiftKey: true }), false)).toBe("show-shortcuts");
    expect(m.match(key({ key: "k", ctrlKey: true }), false)).toBe("command-palette");
    expect(m.match(key({ key: "x" }), false)).toBe("pick-ticket");
    expect(m.match(key({ key: "q" }), false)).toBeNull();
  });

  it("matches / on a German keyboard, where it is Shift+7", () => {
    expect(matcher().match(key({ key: "/", code: "Digit7", shiftKey: true }), false)).toBe("focus-search");
  });

  it("does not take Ctrl+J for j, nor Shift+ArrowDown for ArrowDown", () => {
    const m = matcher();
    expect(m.match(key({ key: "j", ctrlKey: true }), false)).toBeNull();
    expect(m.match(key({ key: "ArrowDown", shiftKey: true }), false)).toBeNull();
  });

  it("follows two-key sequences: g then m goes to Mine", () => {
    const m = matcher();
    expect(m.match(key({ key: "g" }), false, 1000)).toBeNull();
    expect(m.waiting).toBe(true);
    // Shift pressed on its own in between does not break the sequence.
    expect(m.match(key({ key: "Shift", shiftKey: true }), false, 1100)).toBeNull();
    expect(m.match(key({ key: "m" }), false, 1200)).toBe("go-mine");
    expect(m.waiting).toBe(false);
    expect(m.match(key({ key: "g" }), false, 2000)).toBeNull();
    expect(m.match(key({ key: "h" }), false, 2100)).toBe("go-on_hold");
  });

  it("forgets a half-typed sequence after a pause", () => {
    const m = matcher();
    m.match(key({ key: "g" }), false, 1000);
    expect(m.match(key({ key: "m" }), false, 1000 + SEQUENCE_TIMEOUT_MS + 1)).toBeNull();
  });

  it("starts afresh when the second key does not continue the sequence", () => {
    const m = matcher();
    m.match(key({ key: "g" }), false, 1000);
    expect(m.match(key({ key: "j" }), false, 1100)).toBe("next-ticket");
  });

  it("ignores keys typed into text fields, except the palette's Ctrl/Cmd+K", () => {
    const m = matcher();
    expect(m.match(key({ key: "j" }), true)).toBeNull();
    expect(m.match(key({ key: "/" }), true)).toBeNull();
    expect(m.match(key({ key: "g" }), true)).toBeNull();
    expect(m.match(key({ key: "m" }), true)).toBeNull();
    expect(m.match(key({ key: "k", ctrlKey: true }), true)).toBe("command-palette");
    expect(matcher(true).match(key({ key: "k", metaKey: true }), true)).toBe("command-palette");
    // Other Ctrl chords are not the palette's business while typing.
    expect(m.match(key({ key: "s", ctrlKey: true, shiftKey: true }), true)).toBeNull();
  });

  it("repeats only what makes sense to hold down", () => {
    const m = matcher();
    expect(m.match(key({ key: "j", repeat: true }), false)).toBe("next-ticket");
    expect(m.match(key({ key: "?", repeat: true }), false)).toBeNull();
  });

  it("uses the current bindings on every press", () => {
    let bindings: Record<string, string[]> = { "next-ticket": ["n"] };
    const m = new ShortcutMatcher((id) => bindings[id] ?? [], false);
    expect(m.match(key({ key: "n" }), false)).toBe("next-ticket");
    bindings = { "next-ticket": ["Mod+ArrowDown"] };
    expect(m.match(key({ key: "n" }), false)).toBeNull();
    expect(m.match(key({ key: "ArrowDown", ctrlKey: true }), false)).toBe("next-ticket");
  });
});

describe("isTyping", () => {
  it("is true in text fields and editable content, not on buttons or checkboxes", () => {
    const make = (html: string) => {
      const host = document.createElement("div");
      host.innerHTML = html;
      return host.firstElementChild as HTMLElement;
    };
    expect(isTyping(make("<input type='search'>"))).toBe(true);
    expect(isTyping(make("<textarea></textarea>"))).toBe(true);
    const editable = make("<div contenteditable='true'></div>");
    Object.defineProperty(editable, "isContentEditable", { value: true });
    expect(isTyping(editable)).toBe(true);
    expect(isTyping(make("<input type='checkbox'>"))).toBe(false);
    expect(isTyping(make("<button>Send</button>"))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});
