import { describe, expect, it } from "vitest";
import { coalesced } from "./coalesce";

/** A run that waits until the test lets it finish. */
function gate() {
  const runs: { items: number[]; finish: (fail?: boolean) => void }[] = [];
  const run = (items: number[]) =>
    new Promise<void>((resolve, reject) => runs.push({ items, finish: (fail) => (fail ? reject(new Error("read failed")) : resolve()) }));
  return { runs, run };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("coalesced", () => {
  it("runs at once when idle, and a burst during a run makes exactly one more run with everything it brought", async () => {
    const { runs, run } = gate();
    const changed = coalesced<number>(run);
    const first = changed(1);
    expect(runs.map((r) => r.items)).toEqual([[1]]);
    const during = [changed(2), changed(3), changed(4)];
    expect(during[0]).toBe(during[2]); // one queued run answers the whole burst
    await tick();
    expect(runs).toHaveLength(1); // nothing overlaps the running read
    runs[0].finish();
    await first;
    await tick();
    expect(runs.map((r) => r.items)).toEqual([[1], [2, 3, 4]]);
    let answered = false;
    void during[0].then(() => (answered = true));
    await tick();
    expect(answered).toBe(false); // a caller's promise waits for the run that saw its change
    runs[1].finish();
    await Promise.all(during);
    expect(runs).toHaveLength(2);
  });

  it("a failed run does not stop the next one", async () => {
    const { runs, run } = gate();
    const changed = coalesced<number>(run);
    const first = changed(1);
    const second = changed(2);
    runs[0].finish(true);
    await first; // resolves: the screen reports its own failure
    await tick();
    expect(runs.map((r) => r.items)).toEqual([[1], [2]]);
    runs[1].finish();
    await second;
    void changed(3);
    expect(runs.map((r) => r.items)).toEqual([[1], [2], [3]]);
  });
});
