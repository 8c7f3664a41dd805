// The service report's charts as ECharts options: one measure (picked by the supervisor)
// per day, or per agent, team, channel or language, with a tooltip and an aria description.
import type { ServiceRow } from "../../bindings";
import type { ChartOption } from "./echarts";

export type Measure = "first_response" | "resolution" | "handle" | "csat" | "reopen" | "solved";
export const MEASURES: Measure[] = ["first_response", "resolution", "handle", "csat", "reopen", "solved"];
export const MEASURE_COLOUR = "#3b6fd4";
const ROW_HEIGHT = 28;
export const DAYS_HEIGHT = 240;

/** What a measure is, as the kind of value it shows. */
export function measureKind(measure: Measure): "seconds" | "share" | "count" {
  if (measure === "csat" || measure === "reopen") return "share";
  return measure === "solved" ? "count" : "seconds";
}

/** A row's value for the measure, `null` when nothing was measured. */
export function measureOf(row: ServiceRow, measure: Measure): number | null {
  switch (measure) {
    case "first_response":
      return row.first_response.median_seconds;
    case "resolution":
      return row.resolution.median_seconds;
    case "handle":
      return row.handle.mean_seconds;
    case "csat":
      return row.csat_satisfied;
    case "reopen":
      return row.reopen_rate;
    case "solved":
      return row.solved;
  }
}

export interface ServiceChartWords {
  /** The measure's name, e.g. "Median first response". */
  measure: string;
  /** The chart's name for screen readers. */
  title: string;
  /** A value of the measure, as said in the tooltip and on the axis. */
  value: (value: number) => string;
  day: (key: string) => string;
  label: (row: ServiceRow) => string;
  /** Said for a day or group where nothing was measured. */
  none: string;
}

export interface ServiceChartLook {
  text: string;
  lines: string;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export function serviceChartHeight(rows: ServiceRow[], byDay: boolean): number {
  return byDay ? DAYS_HEIGHT : Math.max(110, rows.length * ROW_HEIGHT + 50);
}

export function serviceChartOption(rows: ServiceRow[], measure: Measure, byDay: boolean, words: ServiceChartWords, look: ServiceChartLook): ChartOption {
  const textStyle = { color: look.text, fontSize: 11 };
  const names = rows.map((r) => (byDay ? words.day(r.key) : words.label(r)));
  const values = rows.map((r) => measureOf(r, measure));
  const tooltip = {
    trigger: "axis",
    axisPointer: { type: "shadow" },
    confine: true,
    formatter: (params: { dataIndex: number }[]) => {
      const first = params[0];
      if (!first) return "";
      const value = values[first.dataIndex];
      const said = value === null || value === undefined ? words.none : words.value(value);
      return `<b>${escape(names[first.dataIndex] ?? "")}</b><br>${escape(words.measure)}: <b>${escape(said)}</b>`;
    },
  };
  const amount = {
    type: "value",
    max: measureKind(measure) === "share" ? 1 : undefined,
    axisLabel: { ...textStyle, formatter: (v: number) => words.value(v) },
    splitLine: { lineStyle: { color: look.lines } },
  };
  const series = [{ name: words.measure, type: "bar", barMaxWidth: 18, itemStyle: { color: MEASURE_COLOUR }, data: values.map((v) => v ?? "-") }];
  const category = {
    type: "category",
    data: names,
    axisLabel: { ...textStyle, hideOverlap: true, width: 200, overflow: "truncate" },
    axisLine: { lineStyle: { color: look.lines } },
  };
  const aria = { enabled: true, label: { description: words.title } };
  const base = { aria, animationDuration: 200, textStyle, tooltip, series };
  if (byDay) {
    return { ...base, grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true }, xAxis: category, yAxis: amount };
  }
  const many = rows.length > 12;
  return {
    ...base,
    grid: { left: 8, right: many ? 40 : 24, top: 8, bottom: 8, containLabel: true },
    xAxis: amount,
    yAxis: { ...category, inverse: true },
    dataZoom: many ? [{ type: "inside", yAxisIndex: 0 }, { type: "slider", yAxisIndex: 0, width: 14, right: 6 }] : [],
  };
}
