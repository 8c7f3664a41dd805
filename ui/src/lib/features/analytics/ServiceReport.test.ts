import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { fakeAgent } from "../../backend/fake";
import { fakeDesk } from "../../backend/testing";
import type { FakeBackend } from "../../backend/fake";
import { DeskFailure } from "../../backend/types";
import { echarts } from "./echarts";
import Workspace from "../workspace/Workspace.svelte";

async function open(prepare?: (fake: FakeBackend) => void) {
  localStorage.clear();
  const { fake, desk } = await fakeDesk((f) => {
    f.session_ = { server_url: "http://127.0.0.1:8080", agent: { ...fakeAgent, role: "supervisor", teams: ["disputes", "payments"] } };
    prepare?.(f);
  });
  render(Workspace, { props: { desk } });
  await fireEvent.click(screen.getByTestId("open-service-report"));
  return fake;
}

describe("Service report", () => {
  it("is for supervisors only", async () => {
    localStorage.clear();
    const { desk } = await fakeDesk();
    render(Workspace, { props: { desk } });
    expect(screen.queryByTestId("open-service-report")).toBeNull();
  });

  it("shows response, resolution, handle, CSAT and reopens, by day and by each breakdown", async () => {
    const fake = await open();
    await waitFor(() => expect(screen.getByTestId("total-first-response").textContent).toBe("15 min"));
    expect(screen.getByTestId("total-csat").textContent).toBe("85%");
    expect(screen.getByTestId("total-reopen").textContent).toBe("10%");
    for (const id of ["day", "agent", "team", "channel", "language"]) {
      await waitFor(() => expect(screen.getByTestId(`service-chart-${id}`).querySelector("svg")).toBeTruthy());
    }
    // The last 30 days by default, all the supervisor's teams.
    const first = fake.serviceQueries[0];
    expect(first.team).toBeNull();
    const days = (Date.parse(`${first.to}T00:00:00Z`) - Date.parse(`${first.from}T00:00:00Z`)) / 86_400_000;
    expect(days).toBe(29);
    const drawn = () =>
      echarts.getInstanceByDom(screen.getByTestId("service-chart-day").querySelector<HTMLElement>("[data-chart]")!)!.getOption() as {
        series: { name: string; data: unknown[] }[];
      };
    expect(drawn().series[0].data).toHaveLength(30);
    expect(drawn().series[0].name).toBe("Median first response");
    const agents = within(screen.getByTestId("service-table-agent")).getAllByRole("row").slice(1).map((r) => r.textContent);
    expect(agents[0]).toContain("Ava Chen");
    expect(agents[0]).toContain("12 min");
    const channels = within(screen.getByTestId("service-table-channel")).getAllByRole("row").slice(1).map((r) => r.textContent);
    expect(channels[1]).toContain("Chat");
    expect(channels[1]).toContain("45 sec");
    const languages = within(screen.getByTestId("service-table-language")).getAllByRole("row").slice(1).map((r) => r.textContent);
    expect(languages[1]).toContain("German");

    // Another measure redraws the charts from the same report.
    await fireEvent.change(screen.getByTestId("service-measure"), { target: { value: "csat" } });
    await waitFor(() => expect(drawn().series[0].name).toBe("CSAT (4–5 of 5)"));
    expect(fake.serviceQueries).toHaveLength(1);
  });

  it("filters by period and team, and exports CSV where the supervisor chooses", async () => {
    const fake = await open();
    await screen.findByTestId("service-totals");
    await fireEvent.change(screen.getByTestId("service-team"), { target: { value: "payments" } });
    await waitFor(() => expect(fake.serviceQueries.at(-1)?.team).toBe("payments"));
    await fireEvent.change(screen.getByTestId("service-period"), { target: { value: "custom" } });
    await fireEvent.input(screen.getByTestId("service-from"), { target: { value: "2026-11-01" } });
    await fireEvent.input(screen.getByTestId("service-to"), { target: { value: "2026-11-30" } });
    await waitFor(() => expect(fake.serviceQueries.at(-1)).toEqual({ from: "2026-11-01", to: "2026-11-30", team: "payments" }));
    await fireEvent.click(screen.getByTestId("service-csv"));
    await waitFor(() => expect(screen.getByTestId("service-note").textContent).toBe("Saved to /home/agent/Exports/losses/service-report.csv"));
    expect(fake.serviceExports).toEqual([{ path: "/home/agent/Exports/losses/service-report.csv", query: { from: "2026-11-01", to: "2026-11-30", team: "payments" } }]);
  });

  it("says why when the server cannot be reached", async () => {
    await open((f) => {
      f.serviceFailure = new DeskFailure("offline", "The company API could not be reached.");
    });
    await waitFor(() => expect(screen.getByTestId("service-report").textContent).toContain("could not be reached"));
    expect(screen.queryByTestId("service-totals")).toBeNull();
  });
});
