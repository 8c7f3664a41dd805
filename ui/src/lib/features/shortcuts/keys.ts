// Key bindings as text, and key events turned into that text.
//
// A binding is one or more chords separated by spaces ("g m" is g, then m). A chord is
// optional modifiers and a key: "Mod+k", "Shift+ArrowDown", "?", "j". "Mod" is Cmd on
// macOS and Ctrl elsewhere.
//
// Printable keys are matched on `event.key`, the character the keyboard produced, not on
// `event.code`, the physical key: "/" is Shift+7 on a German keyboard and AltGr+Q on a
// Brazilian one, and an agent thinks of it as "/" either way. So Shift (and AltGr) are not
// part of a chord for a printable key; they are already in the character. Letters keep
// their case: "j" and "J" are different chords.
import { t, type Key } from "../../i18n/index.svelte";

export const SEQUENCE_TIMEOUT_MS = 1200;

const MODIFIER_KEYS = new Set(["Shift", "Control", "Alt", "AltGraph", "Meta", "OS", "Super", "Hyper", "Fn", "CapsLock"]);
const NO_KEY = new Set(["Dead", "Unidentified", "Process", "Compose"]);
const MODIFIER_ORDER = ["Mod", "Ctrl", "Alt", "Meta", "Shift"] as const;
type Modifier = (typeof MODIFIER_ORDER)[number];

export function isMacPlatform(): boolean {
  if (typeof navigator === "undefined") return false;
  const data = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
  return /mac|iphone|ipad/i.test(data?.platform || navigator.platform || navigator.userAgent);
}

function isPrintable(key: string): boolean {
  return [...key].length === 1 && key !== " ";
}

function hasCase(key: string): boolean {
  return key.toLowerCase() !== key.toUpperCase();
}

function split(chord: string): { mods: Set<Modifier>; key: string } {
  const mods = new Set<Modifier>();
  let rest = chord;
  for (;;) {
    const mod = MODIFIER_ORDER.find((m) => rest.startsWith(`${m}+`) && rest.length > m.length + 1);
    if (!mod) break;
    mods.add(mod);
    rest = rest.slice(mod.length + 1);
  }
  return { mods, key: rest };
}

function join(mods: Set<Modifier>, key: string): string {
  return [...MODIFIER_ORDER.filter((m) => mods.has(m)), key].join("+");
}

/** The same chord written one way, so two spellings compare equal ("Mod+K" → "Mod+k"). */
export function normalizeChord(chord: string): string {
  const { mods, key } = split(chord.trim());
  if (!isPrintable(key)) return join(mods, key);
  // With Ctrl/Cmd/Alt, Shift is a real modifier of a letter ("Mod+Shift+k"); otherwise it
  // only chose the character ("?", "J").
  const withCommand = mods.has("Mod") || mods.has("Ctrl") || mods.has("Alt") || mods.has("Meta");
  if (withCommand && hasCase(key)) return join(mods, key.toLowerCase());
  mods.delete("Shift");
  return join(mods, key);
}

export function parseBinding(binding: string): string[] {
  return binding.trim().split(/\s+/).filter(Boolean).map(normalizeChord);
}

export function normalizeBinding(binding: string): string {
  return parseBinding(binding).join(" ");
}

/**
 * The chord a key press makes, or null for a press that is only a modifier (or a dead key
 * waiting for the next one), which must not break a sequence in progress.
 */
export function chordFromEvent(event: KeyboardEvent, mac = isMacPlatform()): string | null {
  let key = event.key;
  if (!key || MODIFIER_KEYS.has(key) || NO_KEY.has(key) || event.isComposing) return null;
  if (key === " ") key = "Space";

  const altGraph = event.getModifierState?.("AltGraph") ?? false;
  const printable = isPrintable(key);
  const mods = new Set<Modifier>();
  // AltGr reaches the page as Ctrl+Alt on Windows; for a character it made, it is neither.
  if (!(printable && altGraph)) {
    if (mac ? event.metaKey : event.ctrlKey) mods.add("Mod");
    if (mac && event.ctrlKey) mods.add("Ctrl");
    if (!mac && event.metaKey) mods.add("Meta");
    if (event.altKey) mods.add("Alt");
  }
  if (event.shiftKey) mods.add("Shift");

  if (printable && mods.size > (mods.has("Shift") ? 1 : 0)) {
    // With Ctrl/Cmd/Alt held, some layouts report another character (Cyrillic "л" for the
    // K key, "∆" for Option+J on a Mac); such chords are named by the physical letter.
    if (!/^[\x21-\x7e]$/.test(key)) {
      const letter = /^Key([A-Z])$/.exec(event.code) ?? /^Digit([0-9])$/.exec(event.code);
      if (letter) key = letter[1].toLowerCase();
    }
  } else if (printable && hasCase(key) && !event.shiftKey && event.getModifierState?.("CapsLock")) {
    key = key.toLowerCase();
  }
  return normalizeChord(join(mods, key));
}

/** A chord that cannot type text, so it may act even while the agent is typing. */
export function isCommandChord(chord: string): boolean {
  const { mods, key } = split(chord);
  return mods.has("Mod") || mods.has("Ctrl") || mods.has("Meta") || key === "Escape" || /^F\d{1,2}$/.test(key);
}

/** Chords that belong to text editing everywhere; binding them would break copy and paste. */
export function reservedChord(chord: string): string | null {
  const uses: Record<string, Key> = {
    "Mod+a": "reserved.selectAll",
    "Mod+c": "reserved.copy",
    "Mod+v": "reserved.paste",
    "Mod+x": "reserved.cut",
    "Mod+z": "reserved.undo",
    "Mod+Shift+z": "reserved.redo",
    "Mod+y": "reserved.redo",
  };
  if (uses[chord]) return t(uses[chord]);
  if (chord === "Tab" || chord === "Shift+Tab") return t("reserved.fields");
  if (chord === "Escape") return t("reserved.dialogs");
  return null;
}

/** True when keys go into a text field rather than to the desk. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  if (target.tagName !== "INPUT") return false;
  return !["checkbox", "button", "submit", "reset", "image", "file", "color"].includes((target as HTMLInputElement).type);
}

const KEY_NAMES: Record<string, string> = {
  ArrowUp: "↑",
  ArrowDown: "↓",
  ArrowLeft: "←",
  ArrowRight: "→",
  Escape: "Esc",
  Enter: "Enter",
  Backspace: "Backspace",
  Delete: "Delete",
  Space: "Space",
  PageUp: "Page Up",
  PageDown: "Page Down",
};

const MAC_MODIFIERS: Record<Modifier, string> = { Mod: "⌘", Ctrl: "⌃", Alt: "⌥", Meta: "⌘", Shift: "⇧" };
const PC_MODIFIERS: Record<Modifier, string> = { Mod: "Ctrl", Ctrl: "Ctrl", Alt: "Alt", Meta: "Win", Shift: "Shift" };

/** The keys of one chord as shown on screen: ["Ctrl", "K"], ["⌘", "K"], ["?"]. */
export function chordKeys(chord: string, mac = isMacPlatform()): string[] {
  const { mods, key } = split(chord);
  const names = mac ? MAC_MODIFIERS : PC_MODIFIERS;
  const shown = KEY_NAMES[key] ?? (mods.size > 0 && hasCase(key) ? key.toUpperCase() : key);
  return [...MODIFIER_ORDER.filter((m) => mods.has(m)).map((m) => names[m]), shown];
}

/** A binding in words, for messages: "Ctrl+K", "g then m". */
export function describeBinding(binding: string, mac = isMacPlatform()): string {
  return parseBinding(binding)
    .map((chord) => chordKeys(chord, mac).join(mac ? "" : "+"))
    .join(` ${t("keys.then")} `);
}

/** The binding in the form of the aria-keyshortcuts attribute ("Control+K"), when it has one. */
export function ariaKeyShortcut(binding: string, mac = isMacPlatform()): string | undefined {
  const chords = parseBinding(binding);
  if (chords.length !== 1) return undefined;
  const { mods, key } = split(chords[0]);
  const names: Record<Modifier, string> = { Mod: mac ? "Meta" : "Control", Ctrl: "Control", Alt: "Alt", Meta: "Meta", Shift: "Shift" };
  return [...MODIFIER_ORDER.filter((m) => mods.has(m)).map((m) => names[m]), key === "Space" ? "Space" : key].join("+");
}

/** Names a screen reader says, in the agent's language (read when spoken, never kept). */
const SPOKEN_MODIFIERS: Record<"mac" | "pc", Record<Modifier, Key>> = {
  mac: { Mod: "spoken.command", Ctrl: "spoken.control", Alt: "spoken.option", Meta: "spoken.command", Shift: "spoken.shift" },
  pc: { Mod: "spoken.control", Ctrl: "spoken.control", Alt: "spoken.alt", Meta: "spoken.windows", Shift: "spoken.shift" },
};
const SPOKEN_KEYS: Record<string, Key> = {
  ArrowUp: "spoken.up",
  ArrowDown: "spoken.down",
  ArrowLeft: "spoken.left",
  ArrowRight: "spoken.right",
  Escape: "spoken.escape",
  Enter: "spoken.enter",
  Space: "spoken.space",
  "/": "spoken.slash",
  "?": "spoken.question",
};

/** A binding as a screen reader should say it: "Command K", "g then m", "question mark". */
export function spokenBinding(binding: string, mac = isMacPlatform()): string {
  return parseBinding(binding)
    .map((chord) => {
      const { mods, key } = split(chord);
      const names = SPOKEN_MODIFIERS[mac ? "mac" : "pc"];
      const named = SPOKEN_KEYS[key];
      const spokenKey = named ? t(named) : mods.size > 0 && hasCase(key) ? key.toUpperCase() : key;
      return [...MODIFIER_ORDER.filter((m) => mods.has(m)).map((m) => t(names[m])), spokenKey].join(" ");
    })
    .join(` ${t("keys.then")} `);
}
