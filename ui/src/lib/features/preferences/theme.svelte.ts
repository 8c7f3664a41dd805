// Light, dark, or whatever the system uses. The choice is kept in localStorage and shown as
// `data-theme` on <html>, which switches the palette in app.css. "system" follows the OS
// live, so a Mac switching to dark at sunset takes the desk with it.
import { t } from "../../i18n/index.svelte";

export type ThemeSetting = "light" | "dark" | "system";
export type Theme = "light" | "dark";

export const THEME_KEY = "arbiter.theme";
/** The three choices; `label` is read in the current language. */
export const THEME_SETTINGS: readonly { value: ThemeSetting; readonly label: string }[] = (["light", "dark", "system"] as const).map(
  (value) => ({
    value,
    get label() {
      return t(`theme.${value}`);
    },
  }),
);

const DARK_QUERY = "(prefers-color-scheme: dark)";

interface ThemeEnv {
  storage: Storage | null;
  matchMedia: ((query: string) => MediaQueryList) | null;
  root: HTMLElement | null;
}

function browserEnv(): ThemeEnv {
  const hasWindow = typeof window !== "undefined";
  let storage: Storage | null = null;
  try {
    storage = hasWindow ? window.localStorage : null;
  } catch {
    // Storage can be disabled; the theme then lasts until the app closes.
  }
  return {
    storage,
    matchMedia: hasWindow && typeof window.matchMedia === "function" ? (q) => window.matchMedia(q) : null,
    root: typeof document !== "undefined" ? document.documentElement : null,
  };
}

function isSetting(value: unknown): value is ThemeSetting {
  return value === "light" || value === "dark" || value === "system";
}

export class ThemeState {
  setting = $state<ThemeSetting>("system");
  systemDark = $state(false);
  /** The palette in use now. */
  theme = $derived<Theme>(this.setting === "system" ? (this.systemDark ? "dark" : "light") : this.setting);
  private stop: (() => void) | null = null;

  constructor(private env: ThemeEnv = browserEnv()) {}

  /** Reads the saved choice, applies it, and starts following the OS. Returns a stop function. */
  start(): () => void {
    this.stop?.();
    const saved = this.read();
    this.setting = isSetting(saved) ? saved : "system";
    const media = this.env.matchMedia?.(DARK_QUERY) ?? null;
    this.systemDark = media?.matches ?? false;
    const onChange = (event: MediaQueryListEvent) => {
      this.systemDark = event.matches;
      this.apply();
    };
    media?.addEventListener?.("change", onChange);
    this.apply();
    this.stop = () => media?.removeEventListener?.("change", onChange);
    return () => {
      this.stop?.();
      this.stop = null;
    };
  }

  set(setting: ThemeSetting): void {
    this.setting = setting;
    try {
      this.env.storage?.setItem(THEME_KEY, setting);
    } catch {
      // Not saved, still applied.
    }
    this.apply();
  }

  /** Light to dark and back; leaves "follow the system" for an explicit choice. */
  toggle(): void {
    this.set(this.theme === "dark" ? "light" : "dark");
  }

  private read(): string | null {
    try {
      return this.env.storage?.getItem(THEME_KEY) ?? null;
    } catch {
      return null;
    }
  }

  private apply(): void {
    const root = this.env.root;
    if (!root) return;
    root.dataset.theme = this.theme;
  }
}

/** The theme every screen reads; main.ts starts it before the first paint. */
export const theme = new ThemeState();
