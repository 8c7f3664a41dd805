// Losses against recoveries as an ECharts option: months along a time axis (zoomable), or
// one row per key (reason code, network, channel, kind), with a tooltip per key, a legend
// that shows or hides either series, and an aria description.
import type { LossRow } from "../../bindings";
import type { ChartOption } from "./echarts";

export const LOST_COLOUR = "#d64545";
export const RECOVERED_COLOUR = "#2e8b57";
/** Height of one key's row in a chart of keys. */
export const ROW_HEIGHT = 30;
export const MONTHS_HEIGHT = 260;

export interface LossChartWords {
  lost: string;
  recovered: string;
  /** "Losses and recoveries by month" — the chart's name for screen readers. */
  title: string;
  usd: (cents: number) => string;
  compactUsd: (cents: number) => string;
  month: (at: number) => string;
  /** A row's name in the current language. */
  label: (row: LossRow) => string;
}

export interface LossChartLook {
  text: string;
  lines: string;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** "2026-11" → the first of the month, in ms (UTC). */
export function monthStart(key: string): number {
  const [year, month] = key.split("-").map(Number);
  return Date.UTC(year, (month || 1) - 1, 1);
}

/** How tall the chart is drawn for `rows`. */
export function chartHeight(rows: LossRow[], byMonth: boolean): number {
  return byMonth ? MONTHS_HEIGHT : Math.max(120, rows.length * ROW_HEIGHT + 70);
}

export function lossChartOption(rows: LossRow[], byMonth: boolean, words: LossChartWords, look: LossChartLook): ChartOption {
  const textStyle = { color: look.text, fontSize: 11 };
  const tooltip = {
    trigger: "axis",
    axisPointer: { type: "shadow" },
    confine: true,
    formatter: (params: { axisValue: number | string; seriesName: string; value: number | [number, number]; color: string }[]) => {
      const first = params[0];
      if (!first) return "";
      const head = byMonth ? words.month(Number(first.axisValue)) : String(first.axisValue);
      const lines = params.map((p) => {
        const cents = Array.isArray(p.value) ? p.value[1] : p.value;
        return `<span style="color:${p.color}">●</span> ${escape(p.seriesName)}: <b>${escape(words.usd(cents))}</b>`;
      });
      return [`<b>${escape(head)}</b>`, ...lines].join("<br>");
    },
  };
  const legend = { data: [words.lost, words.recovered], bottom: byMonth ? 30 : 0, textStyle };
  const series = (name: string, colour: string, pick: (r: LossRow) => number) => ({
    name,
    type: "bar",
    itemStyle: { color: colour },
    barMaxWidth: 18,
    emphasis: { focus: "series" },
    data: byMonth ? rows.map((r) => [monthStart(r.key), pick(r)]) : rows.map(pick),
  });
  const money = { type: "value", axisLabel: { ...textStyle, formatter: (v: number) => words.compactUsd(v) }, splitLine: { lineStyle: { color: look.lines } } };
  const aria = { enabled: true, label: { description: words.title } };
  if (byMonth) {
    return {
      aria,
      animationDuration: 200,
      textStyle,
      tooltip,
      legend,
      grid: { left: 64, right: 16, top: 12, bottom: 76 },
      xAxis: {
        type: "time",
        minInterval: 28 * 86_400_000,
        axisLabel: { ...textStyle, formatter: (at: number) => words.month(at), hideOverlap: true },
        axisLine: { lineStyle: { color: look.lines } },
      },
      yAxis: money,
      dataZoom: [
        { type: "inside", xAxisIndex: 0, filterMode: "weakFilter" },
        { type: "slider", xAxisIndex: 0, height: 16, bottom: 6, textStyle, labelFormatter: (at: number) => words.month(at) },
      ],
      series: [series(words.lost, LOST_COLOUR, (r) => r.lost_usd_cents), series(words.recovered, RECOVERED_COLOUR, (r) => r.recovered_usd_cents)],
    };
  }
  const many = rows.length > 12;
  return {
    aria,
    animationDuration: 200,
    textStyle,
    tooltip,
    legend,
    grid: { left: 8, right: many ? 40 : 24, top: 8, bottom: 40, containLabel: true },
    xAxis: money,
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map((r) => words.label(r)),
      axisLabel: { ...textStyle, width: 220, overflow: "truncate" },
      axisLine: { lineStyle: { color: look.lines } },
    },
    dataZoom: many ? [{ type: "inside", yAxisIndex: 0 }, { type: "slider", yAxisIndex: 0, width: 14, right: 6 }] : [],
    series: [series(words.lost, LOST_COLOUR, (r) => r.lost_usd_cents), series(words.recovered, RECOVERED_COLOUR, (r) => r.recovered_usd_cents)],
  };
}
