import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import { theme, THEME_KEY } from "./theme.svelte";
import ThemeSwitch from "./ThemeSwitch.svelte";

describe("ThemeSwitch", () => {
  beforeEach(() => {
    localStorage.clear();
    theme.set("system");
  });

  it("shows the three choices and applies and keeps the one picked", async () => {
    render(ThemeSwitch);
    const group = screen.getByRole("group", { name: "Theme" });
    const dark = screen.getByRole("button", { name: "Dark" });
    expect(group.contains(dark)).toBe(true);
    expect(screen.getByRole("button", { name: "Follow the system" }).getAttribute("aria-pressed")).toBe("true");

    await fireEvent.click(dark);
    expect(dark.getAttribute("aria-pressed")).toBe("true");
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(localStorage.getItem(THEME_KEY)).toBe("dark");

    await fireEvent.click(screen.getByRole("button", { name: "Light" }));
    expect(document.documentElement.dataset.theme).toBe("light");
    expect(localStorage.getItem(THEME_KEY)).toBe("light");
  });
});
