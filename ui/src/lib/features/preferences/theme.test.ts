import { afterEach, describe, expect, it, vi } from "vitest";
import { THEME_KEY, ThemeState } from "./theme.svelte";

/** A stand-in for the OS colour scheme that the test can flip. */
function fakeSystem(dark: boolean) {
  const listeners = new Set<(event: MediaQueryListEvent) => void>();
  const list = {
    get matches() {
      return dark;
    },
    media: "(prefers-color-scheme: dark)",
    addEventListener: (_: string, listener: (event: MediaQueryListEvent) => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: (event: MediaQueryListEvent) => void) => listeners.delete(listener),
  } as unknown as MediaQueryList;
  return {
    matchMedia: (query: string) => {
      expect(query).toBe("(prefers-color-scheme: dark)");
      return list;
    },
    flip(next: boolean) {
      dark = next;
      listeners.forEach((listener) => listener({ matches: next } as MediaQueryListEvent));
    },
    listeners,
  };
}

function setup(saved: string | null, systemDark: boolean) {
  localStorage.clear();
  if (saved !== null) localStorage.setItem(THEME_KEY, saved);
  const system = fakeSystem(systemDark);
  const root = document.createElement("html");
  const theme = new ThemeState({ storage: localStorage, matchMedia: system.matchMedia, root });
  const stop = theme.start();
  return { theme, system, root, stop };
}

describe("ThemeState", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("reads the OS setting through window.matchMedia", () => {
    localStorage.clear();
    const system = fakeSystem(true);
    vi.stubGlobal("matchMedia", system.matchMedia);
    const theme = new ThemeState();
    const stop = theme.start();
    expect(document.documentElement.dataset.theme).toBe("dark");
    system.flip(false);
    expect(document.documentElement.dataset.theme).toBe("light");
    stop();
  });

  it("follows the system by default, live", () => {
    const { theme, system, root } = setup(null, false);
    expect(theme.setting).toBe("system");
    expect(root.dataset.theme).toBe("light");
    system.flip(true);
    expect(theme.theme).toBe("dark");
    expect(root.dataset.theme).toBe("dark");
    system.flip(false);
    expect(root.dataset.theme).toBe("light");
  });

  it("keeps an explicit choice across restarts and over the system's", () => {
    const first = setup(null, true);
    first.theme.set("light");
    expect(localStorage.getItem(THEME_KEY)).toBe("light");
    expect(first.root.dataset.theme).toBe("light");
    first.system.flip(true);
    expect(first.root.dataset.theme).toBe("light");

    const reopened = new ThemeState({ storage: localStorage, matchMedia: fakeSystem(true).matchMedia, root: first.root });
    reopened.start();
    expect(reopened.setting).toBe("light");
    expect(first.root.dataset.theme).toBe("light");
  });

  it("goes back to following the system", () => {
    const { theme, system, root } = setup("dark", false);
    expect(root.dataset.theme).toBe("dark");
    theme.set("system");
    expect(localStorage.getItem(THEME_KEY)).toBe("system");
    expect(root.dataset.theme).toBe("light");
    system.flip(true);
    expect(root.dataset.theme).toBe("dark");
  });

  it("toggles between light and dark from whatever is showing", () => {
    const { theme, root } = setup("system", true);
    theme.toggle();
    expect(theme.setting).toBe("light");
    expect(root.dataset.theme).toBe("light");
    theme.toggle();
    expect(theme.setting).toBe("dark");
  });

  it("ignores a stored value it does not know, and stops listening when stopped", () => {
    const { theme, system, stop } = setup("sepia", false);
    expect(theme.setting).toBe("system");
    expect(system.listeners.size).toBe(1);
    stop();
    expect(system.listeners.size).toBe(0);
  });

  it("works where matchMedia does not exist", () => {
    localStorage.clear();
    const root = document.createElement("html");
    const theme = new ThemeState({ storage: localStorage, matchMedia: null, root });
    theme.start();
    expect(root.dataset.theme).toBe("light");
  });
});
