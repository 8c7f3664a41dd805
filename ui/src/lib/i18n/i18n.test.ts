import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import { useBackend } from "../backend";
import { FakeBackend, sampleData } from "../backend/fake";
import SidebarTools from "../features/inbox/SidebarTools.svelte";
import Sidebar from "../features/inbox/Sidebar.svelte";
import SignIn from "../features/workspace/SignIn.svelte";
import { STATUS_LABELS, VIEW_LABELS } from "../format";
import { spokenBinding } from "../features/shortcuts/keys";
import { SHORTCUTS } from "../features/shortcuts/shortcuts";
import { DeskState } from "../stores/desk.svelte";
import { THEME_SETTINGS } from "../features/preferences/theme.svelte";
import { en, type MessageKey, type Messages } from "./en";
import { formatDate, formatNumber, i18n, LOCALE_KEY, LocaleState, localeFor, say, sayParts, t } from "./index.svelte";
import { rustEn } from "./rust.en";
import { ms } from "./ms";
import { zh } from "./zh";

// Type level: the Chinese catalogue has exactly the English keys. These lines fail
// `npm run check` if that stops being true.
expectTypeOf<keyof typeof zh>().toEqualTypeOf<MessageKey>();
expectTypeOf<keyof typeof ms>().toEqualTypeOf<MessageKey>();
// @ts-expect-error a catalogue missing a key is not a Messages
const missing: Messages = { "app.opening": "…" };
// @ts-expect-error nor is one with a key English does not have
const extra: Messages = { ...zh, "not.a.key": "…" } satisfies Messages;
void missing;
void extra;

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

describe("message catalogues", () => {
  it("have the same keys in both languages, none of them empty", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(ms).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of [...Object.entries(en), ...Object.entries(zh), ...Object.entries(ms)]) {
      expect(value.trim(), key).not.toBe("");
    }
  });

  it("fill in the same placeholders in both languages", () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
      expect(placeholders(ms[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe("what Rust says", () => {
  it("has every key Rust may send in every language, with the same placeholders", () => {
    for (const key of Object.keys(rustEn) as (keyof typeof rustEn)[]) {
      for (const [lang, catalogue] of [["zh", zh], ["ms", ms]] as const) {
        expect(catalogue[key], `${lang}: ${key}`).toBeTruthy();
        expect(placeholders(catalogue[key]), `${lang}: ${key}`).toEqual(placeholders(rustEn[key]));
      }
    }
  });

  it("is said in the agent's language, nested messages and lists too, data apart from words", () => {
    const card = { key: "risk.label.cardEnding", args: { last4: "4242" } };
    const finding = {
      key: "risk.finding.shares",
      args: { items: [{ key: "risk.finding.sharedWith", args: { what: card, count: 3 } }, { key: "risk.finding.sharedWith", args: { what: card, count: 1 } }] },
    };
    i18n.set("en");
    expect(say(finding)).toBe("Shares a card ··4242 with 3 other accounts; a card ··4242 with 1 other account");
    i18n.set("zh");
    const zhText = say(finding);
    expect(zhText).toContain("4242");
    expect(zhText).not.toMatch(/[A-Za-z]{3,}/);
    expect(sayParts(finding).filter((p) => p.data).map((p) => p.text)).toEqual(["4242", "4242"]);
    i18n.set("ms");
    expect(say({ key: "error.ticketNotCached", args: { id: 42 } })).toContain("42");
    expect(say({ key: "error.ticketNotCached", args: { id: 42 } })).not.toBe("Ticket #42 is not in the local copy.");
    i18n.set("en");
  });
});

describe("language setting", () => {
  beforeEach(() => {
    localStorage.clear();
    i18n.set("system");
    localStorage.clear();
  });
  afterEach(() => {
    i18n.set("system");
    localStorage.clear();
  });

  it("is English by default in tests, following navigator.language", () => {
    expect(navigator.language).toMatch(/^en/);
    expect(i18n.locale).toBe("en");
    expect(t("view.mine")).toBe("My open tickets");
    expect(document.documentElement.lang).toBe("en");
  });

  it("speaks key names to screen readers in the agent's language", () => {
    expect(spokenBinding("Mod+k", false)).toBe("Control K");
    expect(spokenBinding("g m", false)).toBe("g then m");
    expect(spokenBinding("?", true)).toBe("question mark");
    i18n.set("zh");
    expect(spokenBinding("Mod+k", true)).toBe("Command 键 K");
    expect(spokenBinding("g m", false)).toBe("g 然后 m");
    expect(spokenBinding("ArrowDown", false)).toBe("下箭头");
  });

  it("maps system language tags", () => {
    expect(localeFor("zh-CN")).toBe("zh");
    expect(localeFor("zh-Hans-SG")).toBe("zh");
    expect(localeFor("en-GB")).toBe("en");
    expect(localeFor("de")).toBe("en");
    expect(localeFor("ms-MY")).toBe("ms");
    expect(localeFor("ms")).toBe("ms");
    expect(localeFor(undefined)).toBe("en");
  });

  it("follows a Chinese system when set to follow the system", () => {
    const root = document.createElement("html");
    const state = new LocaleState({ storage: memoryStorage(), language: () => "zh-CN", root });
    state.start()();
    expect(state.setting).toBe("system");
    expect(state.locale).toBe("zh");
    expect(root.lang).toBe("zh-CN");
  });

  it("persists the choice and reads it back on the next start", () => {
    const storage = memoryStorage();
    const root = document.createElement("html");
    const first = new LocaleState({ storage, language: () => "en-US", root });
    first.set("zh");
    expect(storage.getItem(LOCALE_KEY)).toBe("zh");

    const next = new LocaleState({ storage, language: () => "en-US", root: document.createElement("html") });
    next.start()();
    expect(next.setting).toBe("zh");
    expect(next.locale).toBe("zh");

    storage.setItem(LOCALE_KEY, "klingon");
    next.start()();
    expect(next.setting).toBe("system");
  });

  it("keeps the choice in localStorage and sets <html lang>", () => {
    i18n.set("zh");
    expect(localStorage.getItem(LOCALE_KEY)).toBe("zh");
    expect(document.documentElement.lang).toBe("zh-CN");
    i18n.set("en");
    expect(localStorage.getItem(LOCALE_KEY)).toBe("en");
    expect(document.documentElement.lang).toBe("en");
  });

  it("switches label tables, shortcut and theme names, and plurals", () => {
    i18n.set("zh");
    expect(VIEW_LABELS.chargebacks).toBe("拒付");
    expect(STATUS_LABELS.solved).toBe("已解决");
    expect(SHORTCUTS.find((s) => s.id === "go-escalated")?.label).toBe("前往已升级");
    expect(THEME_SETTINGS.map((s) => s.label)).toEqual(["浅色", "深色", "跟随系统"]);
    expect(t("sync.outboxPending", { count: 3 })).toBe("3 项操作等待发送");
    i18n.set("en");
    expect(t("sync.outboxPending", { count: 1 })).toBe("1 action waiting to send");
    expect(t("sync.outboxPending", { count: 3 })).toBe("3 actions waiting to send");
  });
});

describe("rendered in Chinese", () => {
  afterEach(() => {
    i18n.set("system");
    localStorage.clear();
  });

  it("relabels the sidebar's views live when the language changes", async () => {
    useBackend(new FakeBackend(sampleData()));
    const desk = new DeskState();
    await desk.init();
    render(Sidebar, { props: { desk } });
    expect(screen.getByTestId("view-chargebacks").textContent).toContain("Chargebacks");
    expect(screen.getByText("Needs attention")).toBeTruthy();

    i18n.set("zh");
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.getByTestId("view-chargebacks").textContent).toContain("拒付");
    expect(screen.getByTestId("view-mine").textContent).toContain("我的待办工单");
    expect(screen.getByText("需要关注")).toBeTruthy();
    expect(screen.getByRole("navigation", { name: "视图" })).toBeTruthy();
  });

  it("shows the sign-in form in Chinese", () => {
    useBackend(new FakeBackend({ ...sampleData(), session: null }));
    i18n.set("zh");
    render(SignIn, { props: { onSignedIn: () => {} } });
    expect(screen.getByRole("heading", { name: "登录 Arbiter" })).toBeTruthy();
    expect(screen.getByLabelText("服务器地址")).toBeTruthy();
    expect(screen.getByLabelText("API 令牌")).toBeTruthy();
    expect(screen.getByTestId("sign-in").textContent).toBe("登录");
  });

  it("switches from the sidebar strip next to the theme switch", async () => {
    render(SidebarTools, { props: { onpalette: () => {}, onshortcuts: () => {} } });
    const group = screen.getByRole("group", { name: "Language" });
    await fireEvent.click(screen.getByTestId("locale-zh"));
    expect(i18n.locale).toBe("zh");
    expect(localStorage.getItem(LOCALE_KEY)).toBe("zh");
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(group.getAttribute("aria-label")).toBe("语言");
    expect(screen.getByTestId("locale-zh").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("open-palette").textContent).toContain("命令");

    await fireEvent.click(screen.getByTestId("locale-system"));
    expect(i18n.setting).toBe("system");
    expect(document.documentElement.lang).toBe("en");
    expect(screen.getByTestId("open-palette").textContent).toContain("Commands");
  });
});

describe("command palette", () => {
  afterEach(() => {
    i18n.set("system");
    localStorage.clear();
  });

  it("offers the language choices (English, Chinese, Malay, the system's), marks the current one, and switches", async () => {
    const { paletteCommands } = await import("../features/shortcuts/commands");
    const { ThemeState } = await import("../features/preferences/theme.svelte");
    useBackend(new FakeBackend(sampleData()));
    const controls = {
      desk: new DeskState(),
      theme: new ThemeState({ storage: null, matchMedia: null, root: null }),
      togglePalette() {},
      openShortcuts() {},
      focusSearch() {},
      focusReply() {},
      askTeam() {},
    };
    const language = () => paletteCommands(controls, "language").filter((c) => c.id.startsWith("locale-"));
    expect(language().map((c) => c.label)).toEqual(["Language: English", "Language: 中文", "Language: Bahasa Melayu", "Language: Follow the system"]);
    expect(language().find((c) => c.current)?.id).toBe("locale-system");

    language().find((c) => c.id === "locale-zh")!.run();
    expect(i18n.locale).toBe("zh");
    expect(localStorage.getItem(LOCALE_KEY)).toBe("zh");
    const zhCommands = paletteCommands(controls, "语言").filter((c) => c.id.startsWith("locale-"));
    expect(zhCommands.map((c) => c.label)).toEqual(["语言：English", "语言：中文", "语言：Bahasa Melayu", "语言：跟随系统"]);
    expect(zhCommands.find((c) => c.current)?.id).toBe("locale-zh");
    expect(paletteCommands(controls, "").some((c) => c.label === "退出登录")).toBe(true);
  });
});

describe("formatting numbers and dates", () => {
  const at = "2026-03-04T05:06:07Z";
  const cases: (Intl.DateTimeFormatOptions | undefined)[] = [
    undefined,
    {},
    { dateStyle: "medium", timeStyle: "short" },
    { day: "numeric", month: "short" },
    { hour: "2-digit", minute: "2-digit" },
    { timeZone: "UTC" },
    { weekday: "long" },
  ];
  it("says what toLocaleString and a fresh Intl formatter say, in every language, from formatters kept", () => {
    for (const locale of ["en", "zh", "ms"] as const) {
      i18n.set(locale);
      for (const options of cases) {
        expect(formatDate(at, options)).toBe(new Date(at).toLocaleString(i18n.tag, options));
        expect(formatDate(at, options)).toBe(new Date(at).toLocaleString(i18n.tag, options)); // kept: the same again
      }
      expect(formatNumber(8200.5)).toBe(new Intl.NumberFormat(i18n.tag).format(8200.5));
      expect(formatNumber(0.125, { style: "percent" })).toBe(new Intl.NumberFormat(i18n.tag, { style: "percent" }).format(0.125));
    }
    i18n.set("system");
  });
  it("says an unreadable date as toLocaleString does, without throwing", () => {
    expect(formatDate("not a date")).toBe(new Date("not a date").toLocaleString());
  });
});
