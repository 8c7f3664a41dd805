import { describe, expect, it } from "vitest";
import { byteSize, countryName, languageName, shortAge, syncProgress, syncRate, timeLeft } from "./format";

describe("shortAge", () => {
  const now = new Date("2026-11-24T12:00:00Z");
  it.each([
    ["2026-11-24T11:59:30Z", "just now"],
    ["2026-11-24T11:55:00Z", "5 min"],
    ["2026-11-24T09:00:00Z", "3 h"],
    ["2026-11-22T12:00:00Z", "2 d"],
  ])("%s is %s", (iso, expected) => {
    expect(shortAge(iso, now)).toBe(expected);
  });

  it("never shows a negative age for clock skew", () => {
    expect(shortAge("2026-11-24T12:05:00Z", now)).toBe("just now");
  });

  it("shows a date for anything older than a week", () => {
    expect(shortAge("2026-10-01T12:00:00Z", now)).toMatch(/Oct|10/);
  });
});

describe("syncProgress", () => {
  it("is the share of this run's changes applied", () => {
    expect(syncProgress({ from: 100, cursor: 150, head: 200 })).toBe(0.5);
  });
  it("is null when up to date or nothing to do", () => {
    expect(syncProgress({ from: 0, cursor: 200, head: 200 })).toBeNull();
    expect(syncProgress({ from: 0, cursor: 0, head: 0 })).toBeNull();
  });
});

describe("names", () => {
  it("turns tags and codes into English names", () => {
    expect(languageName("pt")).toBe("Portuguese");
    expect(countryName("BR")).toBe("Brazil");
  });
  it("falls back to the raw value when the tag is not valid", () => {
    expect(languageName("not a tag!")).toBe("not a tag!");
  });
});

describe("sync rate and time left", () => {
  it("reads like a person would say it", () => {
    expect(syncRate({ per_second: 8200.4, eta_seconds: 41 })).toBe(`${(8200).toLocaleString()}/s · about 40 s left`);
    expect(syncRate({ per_second: 10, eta_seconds: null })).toBe("10/s");
    expect(syncRate({ per_second: 0, eta_seconds: null })).toBeNull();
    expect(syncRate(null)).toBeNull();
    expect(timeLeft(2)).toBe("a few seconds left");
    expect(timeLeft(200)).toBe("about 3 min left");
    expect(timeLeft(3 * 3600)).toBe("about 3 h left");
  });

  it("formats sizes", () => {
    expect(byteSize(512)).toBe("512 B");
    expect(byteSize(1536)).toBe("1.5 KB");
    expect(byteSize(1.4 * 1024 ** 3)).toBe("1.4 GB");
  });
});
