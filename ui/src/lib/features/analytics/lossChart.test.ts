import { describe, expect, it } from "vitest";
import type { LossRow } from "../../bindings";
import { chartHeight, lossChartOption, monthStart, ROW_HEIGHT, type LossChartWords } from "./lossChart";

const row = (key: string, lost: number, recovered: number): LossRow =>
  ({ key, label: { key: "analytics.row.network", args: { network: key } }, lost_usd_cents: lost, recovered_usd_cents: recovered, open_usd_cents: 0, cases: 1, won: 0, decided: 0, win_rate: null }) satisfies LossRow;

const words: LossChartWords = {
  lost: "Lost",
  recovered: "Recovered",
  title: "Losses by month",
  usd: (c) => `$${c / 100}`,
  compactUsd: (c) => `$${c / 100}`,
  month: (at) => new Date(at).toISOString().slice(0, 7),
  label: (row) => row.key,
};
const look = { text: "#111", lines: "#ddd" };

type Option = {
  xAxis: { type: string };
  yAxis: { type: string; data?: string[] };
  dataZoom: { type: string }[];
  series: { name: string; data: unknown[] }[];
  tooltip: { formatter: (p: unknown[]) => string };
  aria: { enabled: boolean };
};

describe("the loss chart", () => {
  it("puts months on a time axis that zooms", () => {
    const option = lossChartOption([row("2026-10", 100_00, 0), row("2026-11", 0, 50_00)], true, words, look) as unknown as Option;
    expect(option.xAxis.type).toBe("time");
    expect(option.dataZoom.map((z) => z.type)).toEqual(["inside", "slider"]);
    expect(option.series[0].data).toEqual([
      [monthStart("2026-10"), 100_00],
      [monthStart("2026-11"), 0],
    ]);
    expect(option.aria.enabled).toBe(true);
  });

  it("gives every key a row, and a tooltip with both values that no key can inject into", () => {
    const rows = [row("Visa 10.4 · <b>fraud</b>", 125_00, 25_00)];
    const option = lossChartOption(rows, false, words, look) as unknown as Option;
    expect(option.yAxis).toMatchObject({ type: "category", data: ["Visa 10.4 · <b>fraud</b>"] });
    const html = option.tooltip.formatter([
      { axisValue: rows[0].key, seriesName: "Lost", value: 125_00, color: "#d64545" },
      { axisValue: rows[0].key, seriesName: "Recovered", value: 25_00, color: "#2e8b57" },
    ]);
    expect(html).toContain("&lt;b&gt;fraud&lt;/b&gt;");
    expect(html).toContain("Lost: <b>$125</b>");
    expect(html).toContain("Recovered: <b>$25</b>");
    expect(chartHeight(new Array(20).fill(rows[0]), false)).toBe(20 * ROW_HEIGHT + 70);
  });

  it("scrolls a long list of keys instead of squeezing it", () => {
    const many = Array.from({ length: 30 }, (_, i) => row(`code ${i}`, i, i));
    const option = lossChartOption(many, false, words, look) as unknown as Option;
    expect(option.dataZoom.map((z) => z.type)).toEqual(["inside", "slider"]);
  });
});
