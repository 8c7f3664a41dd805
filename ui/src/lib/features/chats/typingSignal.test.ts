import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TypingSignal } from "./typingSignal";

describe("the agent's typing signal", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("starts once, renews while typing, and stops on a pause, a send or another chat", async () => {
    const sent: [number, boolean][] = [];
    const signal = new TypingSignal(async (id, typing) => void sent.push([id, typing]));
    signal.input(7, true, 0);
    signal.input(7, true, 1_000);
    signal.input(7, true, 3_100);
    expect(sent).toEqual([[7, true], [7, true]]);
    vi.advanceTimersByTime(4_000);
    expect(sent.at(-1)).toEqual([7, false]);
    signal.input(7, true, 10_000);
    signal.input(8, true, 10_500);
    expect(sent.slice(-3)).toEqual([[7, true], [7, false], [8, true]]);
    signal.stop();
    expect(sent.at(-1)).toEqual([8, false]);
    signal.input(8, false, 20_000);
    expect(sent.at(-1)).toEqual([8, false]);
  });
});
