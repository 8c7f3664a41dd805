import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import type { FakeBackend } from "../../backend/fake";
import { describe, expect, it } from "vitest";
import { fakeAgent, sampleEscalation } from "../../backend/fake";
import { fakeDesk } from "../../backend/testing";
import Workspace from "../workspace/Workspace.svelte";

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

  const asSupervisor = (fake: FakeBackend) => {
    fake.session_ = { server_url: "http://127.0.0.1:8080", agent: { ...fakeAgent, id: 2, name: "Marcus Oyelaran", role: "supervisor" } };
  };

  it("shows each agent's chats and emails against their capacity, and who waits for an agent", async () => {
    const { desk } = await fakeDesk((fake) => {
      fake.session_ = { server_url: "http://127.0.0.1:8080", agent: { ...fakeAgent, role: "supervisor" } };
      fake.waitingConversations = [
        {
          ticket_id: 100777,
          channel: "chat",
          queue: "disputes",
          language: "de",
          topic: "trade",
          waiting_since: new Date(Date.now() - 95_000).toISOString(),
          offered_to: fakeAgent.id,
          passed_over: 2,
        },
      ];
    });
    render(Workspace, { props: { desk } });
    await fireEvent.click(screen.getByTestId("open-board"));
    const chats = (await screen.findAllByTestId("board-agent-chats"))[0];
    expect(chats.textContent?.trim()).toMatch(/^\d+ \/ 3/);
    const waiting = await screen.findByTestId("board-waiting-row");
    expect(waiting.textContent).toContain("#100777");
    expect(waiting.textContent).toContain("trade");
    expect(waiting.textContent).toContain("Ava Chen");
    expect(waiting.textContent).toContain("2 passed");
  });

  it("sets an agent's capacity and topics and saves the routing", async () => {
    let fake!: FakeBackend;
    const { desk } = await fakeDesk((f) => {
      fake = f;
      f.session_ = { server_url: "http://127.0.0.1:8080", agent: { ...fakeAgent, role: "supervisor" } };
    });
    render(Workspace, { props: { desk } });
    await fireEvent.click(screen.getByTestId("open-board"));
    const row = (await screen.findAllByTestId("routing-agent")).find((r) => r.dataset.agentId === String(fakeAgent.id))!;
    const capacity = within(row).getByTestId("routing-chat-capacity") as HTMLInputElement;
    expect(capacity.value).toBe("3");
    await fireEvent.change(capacity, { target: { value: "5" } });
    await fireEvent.click(within(row).getByLabelText("trade"));
    await fireEvent.click(screen.getByTestId("routing-save"));
    await screen.findByTestId("routing-saved");
    expect(fake.routing.agents).toEqual([{ agent_id: fakeAgent.id, capacity: { chat: 5, email: 10 }, topics: ["trade"] }]);
  });

  it("drills from a queue's unassigned count and from an agent to their tickets", async () => {
    const { desk } = await fakeDesk(asSupervisor);
    render(Workspace, { props: { desk } });
    await fireEvent.click(screen.getByTestId("open-board"));
    await fireEvent.click(await screen.findByTestId("board-drill-unassigned"));
    await waitFor(() => expect(screen.getByTestId("view-title").textContent).toBe("disputes · unassigned"));
    const rows = screen.getAllByTestId("ticket-row");
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain("Unassigned");

    await fireEvent.click(screen.getByTestId("open-board"));
    const ava = (await screen.findAllByTestId("board-drill-agent")).find((b) => b.textContent?.includes("Ava Chen"))!;
    await fireEvent.click(ava);
    await waitFor(() => expect(screen.getByTestId("view-title").textContent).toBe("Ava Chen · active"));
    const mine = screen.getAllByTestId("ticket-row");
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.textContent?.includes("Ava Chen"))).toBe(true);
  });

  it("ticks tickets (click, shift-click, x) and reassigns them in bulk; failures stay ticked", async () => {
    const { desk, fake } = await fakeDesk(asSupervisor);
    render(Workspace, { props: { desk } });
    await desk.selectView("all");
    const boxes = await screen.findAllByTestId("ticket-pick");
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    await fireEvent.click(boxes[0]);
    await fireEvent.click(boxes[2], { shiftKey: true });
    expect(screen.getByTestId("bulk-count").textContent).toBe("3 tickets selected");
    const ids = screen.getAllByTestId("ticket-row").slice(0, 3).map((r) => Number(r.dataset.ticketId));
    expect([...desk.picked].sort()).toEqual([...ids].sort());

    // x unticks the open ticket.
    await desk.open(ids[1]);
    await fireEvent.keyDown(document.body, { key: "x" });
    expect(screen.getByTestId("bulk-count").textContent).toBe("2 tickets selected");

    await fireEvent.change(screen.getByTestId("bulk-assign"), { target: { value: "1" } });
    await waitFor(() => expect(screen.getByTestId("bulk-result").textContent).toContain("2 tickets updated."));
    expect(fake.bulkUpdates).toEqual([{ ticketIds: [ids[0], ids[2]], update: { assignee_id: 1 } }]);
    expect(desk.picked).toEqual([]);

    // A tag for one ticket plus one the server no longer has: the missing one stays ticked, with why.
    desk.picked = [ids[0], 999];
    await fireEvent.input(await screen.findByTestId("bulk-tag"), { target: { value: "Night shift" } });
    await fireEvent.submit(screen.getByTestId("bulk-tag").closest("form")!);
    await waitFor(() => expect(screen.getByTestId("bulk-failures").textContent).toContain("#999: ticket 999 does not exist"));
    expect(desk.picked).toEqual([999]);
    const row = screen.getAllByTestId("ticket-row").find((r) => Number(r.dataset.ticketId) === ids[0])!;
    expect(row.textContent).toContain("Ava Chen");
  });

  it("says plainly when the server cannot be reached and keeps the selection", async () => {
    const { desk, fake } = await fakeDesk(asSupervisor);
    render(Workspace, { props: { desk } });
    await desk.selectView("all");
    await fireEvent.click((await screen.findAllByTestId("ticket-pick"))[0]);
    const { DeskFailure } = await import("../../backend/types");
    fake.failNext = new DeskFailure("offline", "connection refused");
    await fireEvent.change(screen.getByTestId("bulk-status"), { target: { value: "pending" } });
    await waitFor(() => expect(screen.getByTestId("bulk-result").textContent).toContain("Nothing was changed"));
    expect(desk.picked).toHaveLength(1);
  });

  it("gives agents no tick boxes", async () => {
    const { desk } = await fakeDesk();
    render(Workspace, { props: { desk } });
    await desk.selectView("all");
    await screen.findAllByTestId("ticket-row");
    expect(screen.queryByTestId("ticket-pick")).toBeNull();
    expect(screen.queryByTestId("bulk-bar")).toBeNull();
  });

  it("lists the mail kept out of the teams' mailboxes, and saves an original without opening it", async () => {
    let fake!: FakeBackend;
    const { desk } = await fakeDesk((f) => {
      fake = f;
      f.session_ = { server_url: "http://127.0.0.1:8080", agent: { ...fakeAgent, role: "supervisor" } };
    });
    render(Workspace, { props: { desk } });
    await fireEvent.click(screen.getByTestId("open-board"));
    const row = await screen.findByTestId("quarantined");
    expect(row.textContent).toContain("Chen Wei <chen.wei@example.cn>");
    expect(row.textContent).toContain("Bank statements (all of 2026)");
    expect(within(row).getByTestId("quarantine-reason").textContent).toContain("over the 40 MB");
    await fireEvent.click(within(row).getByTestId("quarantine-save"));
    await waitFor(() => expect([...fake.savedQuarantine]).toEqual([["/home/agent/Downloads/quarantined-3.eml", 3]]));
    expect(screen.getByTestId("quarantine-said").textContent).toContain("quarantined-3.eml");
  });
});
