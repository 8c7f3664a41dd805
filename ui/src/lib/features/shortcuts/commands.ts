// What the desk's shortcuts and command palette do, and how the palette ranks commands
// against what the agent typed.
import { asFailure, backend } from "../../backend";
import type { InboxView } from "../../bindings";
import { SHORTCUTS, type ShortcutId } from "./shortcuts";
import type { DeskState } from "../../stores/desk.svelte";
import { THEME_SETTINGS, type ThemeState } from "../preferences/theme.svelte";
import { i18n, LOCALE_SETTINGS, localeSettingName, t } from "../../i18n/index.svelte";

export interface Command {
  id: string;
  label: string;
  keywords?: string;
  /** The shortcut that does the same, whose keys the palette shows. */
  shortcut?: ShortcutId;
  /** Marks the current choice, such as the theme in use. */
  current?: boolean;
  run: () => void;
}

/** The parts of the screen the commands act on. */
export interface DeskControls {
  desk: DeskState;
  theme: ThemeState;
  togglePalette(): void;
  openShortcuts(): void;
  /** Focuses the search box; `selectAll` selects what is in it, for typing over. */
  focusSearch(selectAll?: boolean): void;
  focusReply(): void;
  /** Shows the open ticket's side conversations and starts a new one. */
  askTeam(): void;
}

export function runShortcut(c: DeskControls, id: ShortcutId): void {
  switch (id) {
    case "next-ticket":
      return void c.desk.step(1);
    case "previous-ticket":
      return void c.desk.step(-1);
    case "focus-reply":
      return c.focusReply();
    case "ask-team":
      return c.askTeam();
    case "pick-ticket":
      // Bulk actions are the supervisor's; for anyone else the key does nothing.
      if (c.desk.session?.agent.role === "supervisor" && c.desk.selectedId !== null) c.desk.togglePicked(c.desk.selectedId);
      return;
    case "focus-search":
      return c.focusSearch(true);
    case "command-palette":
      return c.togglePalette();
    case "show-shortcuts":
      return c.openShortcuts();
    case "sync-now":
      backend()
        .syncNow()
        .catch((error) => (c.desk.error = asFailure(error)));
      return;
    case "toggle-theme":
      return c.theme.toggle();
    default:
      return void c.desk.selectView(id.slice("go-".length) as InboxView);
  }
}

/** Everything the palette offers for `query`, best match first. */
export function paletteCommands(c: DeskControls, query: string): Command[] {
  const fixed: Command[] = [
    ...SHORTCUTS.filter((s) => s.id !== "command-palette").map(
      (s): Command => ({ id: s.id, label: s.label, keywords: s.keywords, shortcut: s.id, run: () => runShortcut(c, s.id) }),
    ),
    ...THEME_SETTINGS.map(
      (theme): Command => ({
        id: `theme-${theme.value}`,
        label: t("theme.command", { name: theme.label }),
        keywords: "appearance mode colours colors 主题",
        current: c.theme.setting === theme.value,
        run: () => c.theme.set(theme.value),
      }),
    ),
    ...LOCALE_SETTINGS.map(
      (setting): Command => ({
        id: `locale-${setting}`,
        label: t("locale.command", { name: localeSettingName(setting) }),
        keywords: "language locale english chinese 语言 中文 英文",
        current: i18n.setting === setting,
        run: () => i18n.set(setting),
      }),
    ),
    ...c.desk.savedViews.map(
      (v): Command => ({
        id: `saved-view-${v.id}`,
        label: t("shortcut.goTo", { view: v.name }),
        keywords: "view saved custom",
        run: () => void c.desk.selectView({ saved: v.id }),
      }),
    ),
    {
      id: "go-alerts",
      label: t("shortcut.goTo", { view: t("alerts.title") }),
      keywords: "pre-dispute ethoca verifi chargeback refund 预警 争议",
      run: () => (c.desk.mode = "alerts"),
    },
    { id: "sign-out", label: t("command.signOut"), keywords: "log out logout leave", run: () => void c.desk.signOut() },
  ];

  const text = query.trim();
  const number = /^#?(\d{1,15})$/.exec(text);
  const open: Command[] = number
    ? [{ id: "open-ticket", label: t("command.openTicket", { id: Number(number[1]) }), run: () => void c.desk.open(Number(number[1])) }]
    : [];
  const search: Command[] = text
    ? [
        {
          id: "search",
          label: t("command.search", { text }),
          run: () => {
            void c.desk.search(text);
            c.focusSearch(false);
          },
        },
      ]
    : [];
  return [...open, ...rankCommands(fixed, text), ...search];
}

/** The commands that match `query`, best first; all of them, in order, for an empty query. */
export function rankCommands(commands: Command[], query: string): Command[] {
  return commands
    .map((command, index) => ({ command, index, score: matchScore(command.label, command.keywords ?? "", query) }))
    .filter((entry): entry is { command: Command; index: number; score: number } => entry.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.command);
}

/**
 * How well `query` fits a label, or null when it does not. Every typed word has to match:
 * a whole word of the label, the start of one, a keyword, any part of the label, or the
 * initials of its words ("gtu" for "Go to Unassigned"), in falling order of score.
 */
export function matchScore(label: string, keywords: string, query: string): number | null {
  const tokens = words(query);
  if (tokens.length === 0) return 0;
  const labelWords = words(label);
  const keywordWords = words(keywords);
  const flatLabel = fold(label);
  const initials = labelWords.map((w) => w[0]).join("");
  let score = 0;
  for (const token of tokens) {
    if (labelWords.includes(token)) score += 4;
    else if (labelWords.some((w) => w.startsWith(token))) score += 3;
    else if (keywordWords.some((w) => w.startsWith(token))) score += 2;
    else if (flatLabel.includes(token)) score += 1.5;
    else if (token.length > 1 && isSubsequence(token, initials)) score += 1;
    else return null;
  }
  if (labelWords[0]?.startsWith(tokens[0])) score += 0.5;
  return score;
}

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const char of haystack) if (char === needle[at]) at++;
  return at === needle.length;
}
