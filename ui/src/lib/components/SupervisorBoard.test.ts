import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { fakeAgent, sampleEscalation } from "../backend/fake";
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
      fake.tickets[0].escalations = [
        sampleEscalation(1, 100001, "l1", 180),
        sampleEscalation(2, 100001, "l2", 180),
        sampleEscalation(3, 100001, "l2", 180),
      ];
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
