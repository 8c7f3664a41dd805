// Every keyboard shortcut the desk has: what it does, where it is listed, and its default
// keys. The agent can rebind any of them (stores/shortcuts.svelte.ts); this list is the one
// source of truth for what exists.
import type { InboxView } from "../../bindings";
import { VIEW_LABELS } from "../../format";
import { t } from "../../i18n/index.svelte";
import { chordFromEvent, isCommandChord, parseBinding, SEQUENCE_TIMEOUT_MS } from "./keys";

export type ShortcutGroup = "Tickets" | "Views" | "General";

export type ShortcutId =
  | "next-ticket"
  | "previous-ticket"
  | "focus-reply"
  | "ask-team"
  | "pick-ticket"
  | "focus-search"
  | "command-palette"
  | "show-shortcuts"
  | "sync-now"
  | "toggle-theme"
  | `go-${InboxView}`;

export interface ShortcutDef {
  id: ShortcutId;
  /** In the current language: read it when shown, do not keep it. */
  readonly label: string;
  group: ShortcutGroup;
  defaults: string[];
  /** Also when the focus is in a text field, for chords that cannot type text. */
  whileTyping?: boolean;
  /** Fires again while the key is held down (moving through the list). */
  repeats?: boolean;
  /** More words the command palette matches on. */
  keywords?: string;
}

/** The views reachable with "g" and a letter, as in Gmail and GitHub. */
export const GO_TO_VIEWS: { view: InboxView; letter: string }[] = [
  { view: "mine", letter: "m" },
  { view: "unassigned", letter: "u" },
  { view: "open", letter: "o" },
  { view: "pending", letter: "p" },
  { view: "on_hold", letter: "h" },
  { view: "sla_at_risk", letter: "r" },
  { view: "escalated", letter: "e" },
  { view: "chargebacks", letter: "c" },
  { view: "fraud_claims", letter: "f" },
  { view: "disputes", letter: "d" },
  { view: "solved", letter: "s" },
  { view: "all", letter: "a" },
];

export const goToViewId = (view: InboxView): ShortcutId => `go-${view}`;

type FixedId = Exclude<ShortcutId, `go-${string}`>;

/** A shortcut whose label is its message, looked up in the current language when read. */
function fixed(id: FixedId, rest: Omit<ShortcutDef, "id" | "label">): ShortcutDef {
  return {
    id,
    get label() {
      return t(`shortcut.${id}`);
    },
    ...rest,
  };
}

export const SHORTCUTS: readonly ShortcutDef[] = [
  fixed("next-ticket", { group: "Tickets", defaults: ["j", "ArrowDown"], repeats: true, keywords: "down" }),
  fixed("previous-ticket", { group: "Tickets", defaults: ["k", "ArrowUp"], repeats: true, keywords: "up" }),
  fixed("focus-reply", { group: "Tickets", defaults: ["r"], keywords: "answer write compose" }),
  fixed("ask-team", {
    group: "Tickets",
    defaults: ["t"],
    keywords: "side conversation internal team product marketing compliance risk payments 内部 团队",
  }),
  fixed("pick-ticket", { group: "Tickets", defaults: ["x"], keywords: "select tick bulk reassign 批量 选择" }),
  fixed("focus-search", { group: "General", defaults: ["/"], keywords: "find" }),
  fixed("command-palette", { group: "General", defaults: ["Mod+k"], whileTyping: true, keywords: "commands actions" }),
  fixed("show-shortcuts", { group: "General", defaults: ["?"], keywords: "help keys cheat sheet remap" }),
  fixed("sync-now", { group: "General", defaults: ["Mod+Shift+s"], keywords: "refresh update fetch" }),
  fixed("toggle-theme", { group: "General", defaults: ["Mod+Shift+l"], keywords: "dark mode appearance colours colors" }),
  ...GO_TO_VIEWS.map(
    ({ view, letter }): ShortcutDef => ({
      id: goToViewId(view),
      get label() {
        return t("shortcut.goTo", { view: VIEW_LABELS[view] });
      },
      group: "Views",
      defaults: [`g ${letter}`],
      keywords: "view inbox",
    }),
  ),
];

/** A shortcut group's heading in the current language. */
export function shortcutGroupLabel(group: ShortcutGroup): string {
  return t(`shortcutGroup.${group}`);
}

export const SHORTCUT_GROUPS: ShortcutGroup[] = ["Tickets", "Views", "General"];

export function shortcutDef(id: ShortcutId): ShortcutDef | undefined {
  return SHORTCUTS.find((s) => s.id === id);
}

/**
 * Turns key presses into shortcut ids, following two-key sequences ("g" then "m"). Reads
 * the current bindings on every press, so a rebinding applies at once.
 */
export class ShortcutMatcher {
  private pending: string[] = [];
  private pendingSince = 0;

  constructor(
    private bindingsOf: (id: ShortcutId) => string[],
    private mac?: boolean,
  ) {}

  /** Whether a sequence has started ("g" was pressed and a second key is awaited). */
  get waiting(): boolean {
    return this.pending.length > 0;
  }

  reset(): void {
    this.pending = [];
  }

  /** The shortcut this press completes, or null (also while a sequence is half typed). */
  match(event: KeyboardEvent, typing: boolean, now = Date.now()): ShortcutId | null {
    const chord = chordFromEvent(event, this.mac);
    if (chord === null) return null;
    if (this.pending.length > 0 && now - this.pendingSince > SEQUENCE_TIMEOUT_MS) this.pending = [];

    const candidates = SHORTCUTS.filter((s) => !event.repeat || s.repeats).flatMap((s) =>
      this.bindingsOf(s.id)
        .map(parseBinding)
        .filter((chords) => !typing || (s.whileTyping && chords.length === 1 && isCommandChord(chords[0])))
        .map((chords) => ({ id: s.id, chords })),
    );

    const attempt = (typed: string[]): ShortcutId | "pending" | null => {
      const exact = candidates.find((c) => sameChords(c.chords, typed));
      if (exact) return exact.id;
      const longer = candidates.some((c) => c.chords.length > typed.length && sameChords(c.chords.slice(0, typed.length), typed));
      return longer ? "pending" : null;
    };

    // A key that does not continue the sequence starts afresh, as if nothing were pending.
    const continued = this.pending.length > 0 ? attempt([...this.pending, chord]) : null;
    const typed = continued !== null ? [...this.pending, chord] : [chord];
    const result = continued ?? attempt(typed);
    if (result === "pending") {
      this.pending = typed;
      this.pendingSince = now;
      return null;
    }
    this.pending = [];
    return result;
  }
}

function sameChords(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((chord, i) => chord === b[i]);
}
