import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import { fakeDesk } from "../../backend/testing";
import type { FakeBackend } from "../../backend/fake";
import type { DeskState } from "../../stores/desk.svelte";
import { echarts } from "./echarts";
import Workspace from "../workspace/Workspace.svelte";

describe("Loss analytics", () => {
  let fake: FakeBackend;
  let desk: DeskState;

  beforeEach(async () => {
    localStorage.clear();
    ({ fake, desk } = await fakeDesk());
    render(Workspace, { props: { desk } });
    await fireEvent.click(screen.getByTestId("open-analytics"));
  });

  it("shows losses, recoveries and win rates by month, reason code, network and channel", async () => {
    await waitFor(() => expect(screen.getByTestId("total-lost").textContent).toBe("$12,500"));
    expect(screen.getByTestId("total-recovered").textContent).toBe("$4,200");
    expect(screen.getByTestId("total-win-rate").textContent).toBe("40%");
    for (const id of ["month", "reason", "network", "channel", "kind"]) {
      await waitFor(() => expect(screen.getByTestId(`chart-${id}`).querySelector("svg")).toBeTruthy());
    }
    // Every month has its pair of bars (lost, recovered), empty ones too, with a legend for both.
    const drawn = echarts.getInstanceByDom(screen.getByTestId("chart-month").querySelector<HTMLElement>("[data-chart]")!)!.getOption() as {
      series: { name: string; data: unknown[] }[];
      legend: { data: string[] }[];
    };
    expect(drawn.series.map((s) => [s.name, s.data.length])).toEqual([["Lost", 3], ["Recovered", 3]]);
    expect(drawn.legend[0].data).toEqual(["Lost", "Recovered"]);
    const reasons = within(screen.getByTestId("table-reason")).getAllByRole("row").slice(1).map((r) => r.textContent);
    expect(reasons[0]).toContain("Visa 10.4");
    expect(reasons[0]).toContain("20%");
    expect(reasons[1]).toContain("60%");
    // The last 12 months by default, every team.
    const first = fake.lossQueries[0];
    expect(first.teams).toEqual([]);
    expect(first.to).toBeNull();
    expect(first.from?.endsWith("-01")).toBe(true);
  });

  it("filters by period and team", async () => {
    await screen.findByTestId("analytics-totals");
    await fireEvent.change(screen.getByTestId("analytics-team"), { target: { value: "payments" } });
    await waitFor(() => expect(fake.lossQueries.at(-1)?.teams).toEqual(["payments"]));
    await waitFor(() => expect(screen.getByTestId("total-lost").textContent).toBe("$6,250"));
    await fireEvent.change(screen.getByTestId("analytics-period"), { target: { value: "custom" } });
    await fireEvent.input(screen.getByTestId("analytics-from"), { target: { value: "2026-09-01" } });
    await fireEvent.input(screen.getByTestId("analytics-to"), { target: { value: "2026-09-30" } });
    await waitFor(() => expect(fake.lossQueries.at(-1)).toEqual({ from: "2026-09-01", to: "2026-09-30", teams: ["payments"] }));
  });

  it("shows what pre-dispute alerts saved beside the losses, for the period and team", async () => {
    const saved = await screen.findByTestId("alerts-saved");
    expect(within(saved).getByRole("heading").textContent).toBe("Saved by alerts");
    expect(within(saved).getByTestId("saved-prevented").textContent).toBe("2");
    expect(within(saved).getByTestId("saved-fees").textContent).toBe("$50");
    expect(within(saved).getByTestId("saved-chargebacks").textContent).toBe("$355");
    expect(within(saved).getByTestId("saved-refunded").textContent).toBe("$355");
    expect(within(saved).getByTestId("saved-missed").textContent).toBe("1");
    // Another team answers none of them.
    await fireEvent.change(screen.getByTestId("analytics-team"), { target: { value: "payments" } });
    await waitFor(() => expect(screen.getByTestId("saved-prevented").textContent).toBe("0"));
    expect(screen.getByTestId("saved-missed").textContent).toBe("0");
    // A period before they came counts none either.
    await fireEvent.change(screen.getByTestId("analytics-team"), { target: { value: "" } });
    await fireEvent.change(screen.getByTestId("analytics-period"), { target: { value: "custom" } });
    const before = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    await fireEvent.input(screen.getByTestId("analytics-to"), { target: { value: before } });
    await waitFor(() => expect(fake.lossQueries.at(-1)?.to).toBe(before));
    await waitFor(() => expect(screen.getByTestId("saved-fees").textContent).toBe("$0"));
  });

  it("exports the numbers as CSV where the agent chooses", async () => {
    await screen.findByTestId("analytics-totals");
    await fireEvent.click(screen.getByTestId("analytics-csv"));
    await waitFor(() => expect(screen.getByTestId("analytics-note").textContent).toBe("Saved to /home/agent/Exports/losses/losses.csv"));
    expect(fake.exports).toEqual([{ kind: "csv", path: "/home/agent/Exports/losses/losses.csv", query: expect.objectContaining({ teams: [] }) }]);
    fake.exportPath = null; // the dialog was closed
    await fireEvent.click(screen.getByTestId("analytics-csv"));
    expect(fake.exports).toHaveLength(1);
  });
});
