import { describe, expect, it } from "vitest";
import type { Durations, ServiceRow } from "../../bindings";
import { measureOf, serviceChartHeight, serviceChartOption, type ServiceChartWords } from "./serviceChart";

const none: Durations = { count: 0, mean_seconds: null, median_seconds: null, p90_seconds: null };
const row = (key: string, median: number | null, csat: number | null = null): ServiceRow => ({
  key,
  label: key === "7" ? "<img src=x onerror=alert(1)>" : key,
  first_response: { count: median === null ? 0 : 1, mean_seconds: median, median_seconds: median, p90_seconds: median },
  resolution: none,
  handle: none,
  solved: 2,
  reopened: 1,
  reopen_rate: 0.5,
  ratings: csat === null ? 0 : 1,
  csat_mean: null,
  csat_satisfied: csat,
});

const words: ServiceChartWords = {
  measure: "Median first response",
  title: "Median first response by day",
  value: (v) => `${v}s`,
  day: (key) => key.slice(5),
  label: (r) => r.label,
  none: "nothing measured",
};
const look = { text: "#111", lines: "#ddd" };

type Option = {
  xAxis: { type: string; data?: string[]; max?: number };
  yAxis: { type: string; data?: string[]; max?: number };
  series: { data: unknown[] }[];
  tooltip: { formatter: (p: { dataIndex: number }[]) => string };
  aria: { enabled: boolean };
};

describe("the service chart", () => {
  it("draws one bar per day, a gap where nothing was measured", () => {
    const option = serviceChartOption([row("2026-12-07", 60), row("2026-12-08", null)], "first_response", true, words, look) as unknown as Option;
    expect(option.xAxis.data).toEqual(["12-07", "12-08"]);
    expect(option.series[0].data).toEqual([60, "-"]);
    expect(option.tooltip.formatter([{ dataIndex: 1 }])).toContain("nothing measured");
    expect(option.aria.enabled).toBe(true);
  });

  it("draws groups as rows, shares up to 100 %, and a name cannot inject into the tooltip", () => {
    const option = serviceChartOption([row("7", 60, 0.75), row("8", 30, 1)], "csat", false, words, look) as unknown as Option;
    expect(option.yAxis.type).toBe("category");
    expect(option.xAxis.max).toBe(1);
    expect(option.series[0].data).toEqual([0.75, 1]);
    const tip = option.tooltip.formatter([{ dataIndex: 0 }]);
    expect(tip).not.toContain("<img");
    expect(tip).toContain("&lt;img");
  });

  it("reads each measure from its field", () => {
    const r = row("x", 90, 0.5);
    expect(measureOf(r, "first_response")).toBe(90);
    expect(measureOf(r, "reopen")).toBe(0.5);
    expect(measureOf(r, "solved")).toBe(2);
    expect(measureOf(r, "handle")).toBeNull();
    expect(serviceChartHeight([r, r, r, r, r, r], false)).toBeGreaterThan(serviceChartHeight([r], false));
  });
});
