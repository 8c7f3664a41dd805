// The desk's language: English, Simplified Chinese, Malay, or whatever the system asks for.
// Messages live in en.ts / zh.ts / ms.ts and are looked up through i18next; `t` reads the current locale from
// rune state, so any template, $derived or label getter that calls it re-renders on a switch.
// The choice is kept in localStorage and shown as `lang` on <html>.
import i18next from "i18next";
import type { Msg } from "../bindings";
import { en, type MessageKey } from "./en";
import { rustEn } from "./rust.en";
import { ms } from "./ms";
import { zh } from "./zh";

export type Locale = "en" | "zh" | "ms";
export type LocaleSetting = Locale | "system";

export const LOCALE_KEY = "arbiter.locale";
export const LOCALES: Locale[] = ["en", "zh", "ms"];
export const LOCALE_SETTINGS: LocaleSetting[] = ["en", "zh", "ms", "system"];

/** The BCP 47 tag for Intl and <html lang>. */
export const LOCALE_TAGS: Record<Locale, string> = { en: "en", zh: "zh-CN", ms: "ms-MY" };

/** A key as callers write it: plural forms go by their base ("sync.outboxPending"). */
type PluralBase<K> = K extends `${infer B}_one` ? B : K extends `${infer B}_other` ? B : K;
export type Key = PluralBase<MessageKey>;
export type Values = Record<string, string | number>;

const engine = i18next.createInstance();
void engine.init({
  resources: { en: { translation: en }, zh: { translation: zh }, ms: { translation: ms } },
  lng: "en",
  fallbackLng: "en",
  supportedLngs: LOCALES,
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false }, // Svelte escapes what it renders
  initAsync: false,
});

/** The locale a system language tag ("zh-Hans-CN", "en-US") maps to. */
export function localeFor(tag: string | null | undefined): Locale {
  if (tag && /^zh\b/i.test(tag)) return "zh";
  if (tag && /^(ms|zsm)\b/i.test(tag)) return "ms";
  return "en";
}

interface LocaleEnv {
  storage: Storage | null;
  language: () => string | undefined;
  root: HTMLElement | null;
}

function browserEnv(): LocaleEnv {
  let storage: Storage | null = null;
  try {
    storage = typeof window !== "undefined" ? window.localStorage : null;
  } catch {
    // Storage can be disabled; the choice then lasts until the app closes.
  }
  return {
    storage,
    language: () => (typeof navigator !== "undefined" ? navigator.language : undefined),
    root: typeof document !== "undefined" ? document.documentElement : null,
  };
}

function isSetting(value: unknown): value is LocaleSetting {
  return value === "en" || value === "zh" || value === "ms" || value === "system";
}

export class LocaleState {
  setting = $state<LocaleSetting>("system");
  system = $state<Locale>("en");
  /** The language in use now. */
  locale = $derived<Locale>(this.setting === "system" ? this.system : this.setting);
  /** Its BCP 47 tag, for Intl. */
  tag = $derived(LOCALE_TAGS[this.locale]);
  private onLanguageChange = () => {
    this.system = localeFor(this.env.language());
    this.apply();
  };

  constructor(private env: LocaleEnv = browserEnv()) {
    this.system = localeFor(env.language());
  }

  /** Reads the saved choice and applies it; follows OS language changes. Returns a stop function. */
  start(): () => void {
    const saved = this.read();
    this.setting = isSetting(saved) ? saved : "system";
    this.system = localeFor(this.env.language());
    this.apply();
    if (typeof window !== "undefined") window.addEventListener("languagechange", this.onLanguageChange);
    return () => {
      if (typeof window !== "undefined") window.removeEventListener("languagechange", this.onLanguageChange);
    };
  }

  set(setting: LocaleSetting): void {
    this.setting = setting;
    try {
      this.env.storage?.setItem(LOCALE_KEY, setting);
    } catch {
      // Not saved, still applied.
    }
    this.apply();
  }

  private read(): string | null {
    try {
      return this.env.storage?.getItem(LOCALE_KEY) ?? null;
    } catch {
      return null;
    }
  }

  private apply(): void {
    void engine.changeLanguage(this.locale);
    if (this.env.root) this.env.root.lang = this.tag;
  }
}

/** The language every screen reads; main.ts starts it before the first paint. */
export const i18n = new LocaleState();

const engineTranslate = engine.t.bind(engine) as unknown as (key: string, options: Record<string, unknown>) => string;

// The catalogues never change while the app runs, so a message with the same language, key
// and values says the same: said once and kept (a ticket or a risk timeline says hundreds of
// messages, each a walk through i18next). Bounded; emptied when full.
const sayings = new Map<string, string>();
const SAID_KEPT = 20_000;

function translate(key: string, options: Record<string, unknown>): string {
  const memo = `${key}\u0000${JSON.stringify(options)}`;
  let text = sayings.get(memo);
  if (text === undefined) {
    text = engineTranslate(key, options);
    if (sayings.size >= SAID_KEPT) sayings.clear();
    sayings.set(memo, text);
  }
  return text;
}

/** The message for `key` in the current language, with {{values}} filled in. */
export function t(key: Key, values?: Values): string {
  return translate(key, { ...values, lng: i18n.locale });
}

/** A piece of what a message says: words of the language, or data shown as it is. */
export interface SaidPart {
  text: string;
  /** A name, an amount, an address, another system's words: not to be translated. */
  data: boolean;
}

const MARK = "\uE000";
const END = "\uE001";

/** What Rust sent (`msg`), in the current language, in parts: data apart from words. */
export function sayParts(msg: Msg): SaidPart[] {
  const args = msg.args ?? {};
  const inner: Record<string, SaidPart[]> = {};
  const values: Record<string, unknown> = {};
  for (const [name, arg] of Object.entries(args)) {
    if (typeof arg === "number") {
      values[name] = arg;
    } else if (typeof arg === "string") {
      inner[name] = [{ text: arg, data: true }];
      values[name] = `${MARK}${name}${END}`;
    } else if (Array.isArray(arg)) {
      const separator = t("list.separator");
      inner[name] = arg.flatMap((item, i) => [...(i > 0 ? [{ text: separator, data: false }] : []), ...sayParts(item)]);
      values[name] = `${MARK}${name}${END}`;
    } else if (arg) {
      inner[name] = sayParts(arg);
      values[name] = `${MARK}${name}${END}`;
    }
  }
  const said = translate(msg.key, { ...values, lng: i18n.locale });
  const parts: SaidPart[] = [];
  for (const [i, piece] of said.split(MARK).entries()) {
    const [name, rest] = i === 0 ? [null, piece] : piece.split(END);
    if (name !== null) parts.push(...(inner[name] ?? [{ text: name, data: true }]));
    if (rest) parts.push({ text: rest, data: false });
  }
  return parts;
}

/** The UI's own message `key` in parts: the values named in `data` shown as they are. */
export function tParts(key: Key, values: Values, data: readonly string[]): SaidPart[] {
  const marked: Values = { ...values };
  for (const name of data) if (name in marked) marked[name] = `${MARK}${name}${END}`;
  const said = translate(key, { ...marked, lng: i18n.locale });
  const parts: SaidPart[] = [];
  for (const [i, piece] of said.split(MARK).entries()) {
    const [name, rest] = i === 0 ? [null, piece] : piece.split(END);
    if (name !== null) parts.push({ text: String(values[name] ?? ""), data: true });
    if (rest) parts.push({ text: rest, data: false });
  }
  return parts;
}

/** What Rust sent, in the current language, as one text. */
export function say(msg: Msg | null | undefined): string {
  return msg ? sayParts(msg).map((p) => p.text).join("") : "";
}

const CATALOGUES: Record<Locale, Record<string, string>> = { en, zh, ms };

/** The current language's words for every key Rust may send: handed to the desk, which says
 * desktop notifications and the tray in them. */
export function rustCatalogue(locale: Locale = i18n.locale): Record<string, string> {
  const catalogue = CATALOGUES[locale];
  return Object.fromEntries(Object.keys(rustEn).map((key) => [key, catalogue[key] ?? rustEn[key as keyof typeof rustEn]]));
}

/** Whether the catalogue has `key` (for names that come as data, like a team's id). */
export function hasMessage(key: string): boolean {
  return engine.exists(key, { lng: i18n.locale });
}

// Intl formatters are costly to make (a list or a risk timeline formats hundreds of values,
// and `toLocaleString` makes one per call), so each language and options pair makes one.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const DATE_FIELDS = ["weekday", "era", "year", "month", "day", "dayPeriod", "hour", "minute", "second",
  "fractionalSecondDigits", "dateStyle", "timeStyle"] as const;

function kept<F>(formats: Map<string, F>, tag: string, options: object | undefined, make: () => F): F {
  const key = `${tag} ${options ? JSON.stringify(options) : ""}`;
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** A number in the current language's style: "8,200". */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  const tag = i18n.tag;
  return kept(numberFormats, tag, options, () => new Intl.NumberFormat(tag, options)).format(value);
}

/** A count as a list shows it, or nothing while it is unknown. */
export function formatCount(value: number | undefined | null): string {
  return value === undefined || value === null ? "" : formatNumber(value);
}

/** A date in the current language's style (date and time unless `options` name fields, as `toLocaleString`). */
export function formatDate(value: string | number | Date, options?: Intl.DateTimeFormatOptions): string {
  const tag = i18n.tag;
  const named = options && DATE_FIELDS.some((field) => options[field] !== undefined);
  const full = named
    ? options
    : { ...options, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" } as const;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(date); // "Invalid Date", as toLocaleString says
  return kept(dateFormats, tag, options, () => new Intl.DateTimeFormat(tag, full)).format(date);
}

/** The name of a setting in its own words: "English", "中文", or "Follow the system" translated. */
export function localeSettingName(setting: LocaleSetting): string {
  return t(`locale.${setting}`);
}
