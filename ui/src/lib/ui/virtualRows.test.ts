import { describe, expect, it } from "vitest";
import { stillAtEnd } from "./virtualRows.svelte";

describe("stillAtEnd", () => {
  it("is left only by scrolling up", () => {
    expect(stillAtEnd(true, 500, 300, false)).toBe(false);
    // Rows grew below, or a scroll to the end judged against last frame's sizes.
    expect(stillAtEnd(true, 500, 500, false)).toBe(true);
    expect(stillAtEnd(true, 500, 800, false)).toBe(true);
  });

  it("is taken up again at the end, and not before", () => {
    expect(stillAtEnd(false, 300, 1_000, true)).toBe(true);
    expect(stillAtEnd(false, 300, 600, false)).toBe(false);
    // The browser pulls the top up when rows shrink: still at the end.
    expect(stillAtEnd(true, 900, 700, true)).toBe(true);
  });
});
