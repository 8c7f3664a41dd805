import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { fakeAgent } from "../backend/fake";
import { fakeDesk } from "../backend/testing";
import Workspace from "./Workspace.svelte";

describe("SupervisorBoard", () => {
  it("is not offered to agents", async () => {
    const { desk } = await fakeDesk();
    render(Workspace, { props: { desk } });
    expect(screen.queryByTestId("open-board")).toBeNull();
  });

  it("shows each queue's backlog and agents' load; the longest wait opens its ticket", async () => {
    const { desk } = await fakeDesk((fake) => {
      fake.session_ = { server_url: "http://127.0.0.1:8080", agent: { ...fakeAgent, role: "supervisor" } };
      const at = new Date(Date.now() - 3 * 3600_000).toISOString();
      const base = { ticket_id: 100001, case_id: null, customer_id: 7, reason: "sla_breach" as const, detail: "x", target_team: "disputes",
        target_agent_id: null, status: "open" as const, raised_by: null, acknowledged_by: null, acknowledged_at: null, created_at: at, updated_at: at, version: 1 };
      fake.tickets[0].escalations = [{ ...base, id: 1, level: "l1" }, { ...base, id: 2, level: "l2" }, { ...base, id: 3, level: "l2" }];
    });
    render(Workspace, { props: { desk } });
    await fireEvent.click(screen.getByTestId("open-board"));
    const row = await screen.findByTestId("board-queue");
    expect(row.dataset.queue).toBe("disputes");
    const cells = within(row).getAllByRole("cell").map((c) => c.textContent?.trim());
    // new, open, pending, on hold, unassigned (sample data: one of each but solved).
    expect(cells.slice(0, 5)).toEqual(["1", "1", "1", "0", "1"]);
    expect(within(row).getByTestId("board-escalations").textContent?.replace(/\s+/g, " ").trim()).toBe("3 L2 2 · L1 1 · oldest 3 h");
    const agents = screen.getAllByTestId("board-agent").map((r) => r.textContent);
    expect(agents[0]).toContain("Ava Chen");
    expect(agents[0]).toContain("Online");
    expect(agents[1]).toContain("Away");
    expect(screen.queryByTestId("ticket-list")).toBeNull();

    await fireEvent.click(within(row).getByTestId("board-oldest"));
    await waitFor(() => expect(screen.getByTestId("ticket-subject")).toBeTruthy());
    expect(desk.mode).toBe("tickets");
  });
});
