import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import type { Handover } from "../../bindings";
import { fakeAgent, type FakeBackend } from "../../backend/fake";
import { fakeDesk } from "../../backend/testing";
import { DeskFailure } from "../../backend/types";
import Workspace from "../workspace/Workspace.svelte";

const asMarcus = (fake: FakeBackend) => {
  fake.session_ = { server_url: "http://127.0.0.1:8080", agent: { ...fakeAgent, id: 2, name: "Marcus Oyelaran", role: "supervisor" } };
};

/** A handover from the other shift's lead, nobody has acknowledged yet. */
function fromKofi(fake: FakeBackend): Handover {
  return {
    id: 7,
    team: "disputes",
    author_id: 28,
    author_name: "Kofi Boateng",
    shift_started_at: "2026-11-26T22:00:00Z",
    created_at: "2026-11-27T06:00:00Z",
    summary: "Quiet night.\nThe Visa chargeback on #100001 is due at noon.",
    totals: {
      queue: "disputes",
      new: 1,
      open: 1,
      pending: 1,
      on_hold: 0,
      unassigned: 1,
      oldest_waiting_since: null,
      oldest_waiting_ticket_id: null,
      sla_breached: 0,
      sla_at_risk: 0,
      open_escalations: 0,
      open_escalations_by_level: [0, 0, 0],
      oldest_escalation_at: null,
    },
    agents: [{ agent_id: 1, name: "Ava Chen", team: "disputes", presence: "online", active_tickets: 2 }],
    items: [
      {
        ticket_id: fake.tickets[0].ticket.id,
        subject: fake.tickets[0].ticket.subject,
        status: "open",
        priority: "high",
        escalation_level: "l1",
        assignee_id: 1,
        assignee_name: "Ava Chen",
        note: "Customer calls back at 09:00.",
      },
    ],
    items_omitted: 0,
    acknowledged_by: null,
    acknowledged_by_name: null,
    acknowledged_at: null,
    version: 1,
  };
}

describe("ShiftHandover", () => {
  beforeEach(() => localStorage.clear());

  it("is not offered to agents", async () => {
    const { desk } = await fakeDesk();
    render(Workspace, { props: { desk } });
    expect(screen.queryByTestId("open-handover")).toBeNull();
  });

  it("shows a waiting handover with its count, its notes and links, and acknowledges it", async () => {
    const { desk, fake } = await fakeDesk((fake) => {
      asMarcus(fake);
      fake.handoverList = [fromKofi(fake)];
    });
    render(Workspace, { props: { desk } });
    expect((await screen.findByTestId("handover-count")).textContent?.trim()).toBe("1");
    await fireEvent.click(screen.getByTestId("open-handover"));
    const waiting = await screen.findByTestId("handover-waiting");
    expect(waiting.textContent).toContain("Handover from Kofi Boateng · disputes");
    expect(waiting.textContent).toContain("Quiet night.");
    expect(within(waiting).getByTestId("handover-note").textContent).toBe("Customer calls back at 09:00.");
    expect(within(waiting).getByTestId("handover-totals").textContent).toContain("unassigned 1");

    await fireEvent.click(within(waiting).getByTestId("handover-acknowledge"));
    await waitFor(() => expect(screen.queryByTestId("handover-waiting")).toBeNull());
    expect(screen.getByTestId("handover-state").textContent).toContain("Acknowledged by Marcus Oyelaran");
    expect(screen.queryByTestId("handover-count")).toBeNull();
    expect(fake.handoverList[0].acknowledged_by).toBe(2);

    // A link in a handover opens the ticket.
    await fireEvent.click(screen.getByTestId("handover-past").querySelector("button")!);
    await fireEvent.click(screen.getAllByTestId("handover-ticket")[0]);
    await waitFor(() => expect(screen.getByTestId("ticket-subject")).toBeTruthy());
  });

  it("writes a handover from the team's work with notes; the draft survives until it is sent", async () => {
    const { desk, fake } = await fakeDesk(asMarcus);
    const first = render(Workspace, { props: { desk } });
    await fireEvent.click(screen.getByTestId("open-handover"));
    const items = await screen.findAllByTestId("handover-draft-item");
    // Assigned work is listed; the ordinary unassigned ticket only on request.
    expect(items.length).toBeGreaterThan(0);
    const noted = items[0];
    const id = Number(noted.dataset.ticketId);
    await fireEvent.input(within(noted).getByTestId("handover-note-input"), { target: { value: "Refund promised by Friday." } });
    await fireEvent.input(screen.getByTestId("handover-summary"), { target: { value: "Busy night.\nWatch the P2P queue." } });

    // Closed and opened again (a restart, a crash): the words are still there.
    first.unmount();
    render(Workspace, { props: { desk } });
    await waitFor(() => expect((screen.getByTestId("handover-summary") as HTMLTextAreaElement).value).toBe("Busy night.\nWatch the P2P queue."));
    const again = (await screen.findAllByTestId("handover-draft-item")).find((li) => Number(li.dataset.ticketId) === id)!;
    expect((within(again).getByTestId("handover-note-input") as HTMLInputElement).value).toBe("Refund promised by Friday.");

    await fireEvent.click(screen.getByTestId("handover-send"));
    await waitFor(() => expect(screen.getByTestId("handover-sent").textContent).toContain("Handed over"));
    expect(fake.handoverList).toHaveLength(1);
    expect(fake.handoverList[0].summary).toBe("Busy night.\nWatch the P2P queue.");
    expect(fake.handoverList[0].items.find((i) => i.ticket_id === id)?.note).toBe("Refund promised by Friday.");
    expect((screen.getByTestId("handover-summary") as HTMLTextAreaElement).value).toBe("");
    await waitFor(() => expect(fake.otherDrafts.has("handover:disputes")).toBe(false));
    expect(localStorage.getItem("arbiter.handoverDraft")).toBeNull();
    // Its own handover waits for the next shift; its author is not asked to acknowledge it.
    expect(screen.getByTestId("handover-state").textContent).toContain("Waiting for the next shift");
    expect(screen.queryByTestId("handover-acknowledge")).toBeNull();
  });

  it("asks for words, and keeps them when the server cannot be reached", async () => {
    const { desk, fake } = await fakeDesk(asMarcus);
    render(Workspace, { props: { desk } });
    await fireEvent.click(screen.getByTestId("open-handover"));
    await screen.findAllByTestId("handover-draft-item");
    await fireEvent.click(screen.getByTestId("handover-send"));
    expect(screen.getByTestId("handover-error").textContent).toBe("Write a few words for the next shift.");

    await fireEvent.input(screen.getByTestId("handover-summary"), { target: { value: "All calm." } });
    fake.failNext = new DeskFailure("offline", "connection refused");
    await fireEvent.click(screen.getByTestId("handover-send"));
    await waitFor(() => expect(screen.getByTestId("handover-error").textContent).toContain("kept on this computer"));
    expect(fake.handoverList).toHaveLength(0);
    await waitFor(() => expect(JSON.parse(fake.otherDrafts.get("handover:disputes")!).summary).toBe("All calm."));
    expect(localStorage.getItem("arbiter.handoverDraft")).toBeNull();
  });

  it("reloads when a handover arrives live", async () => {
    const { desk, fake } = await fakeDesk(asMarcus);
    render(Workspace, { props: { desk } });
    await fireEvent.click(screen.getByTestId("open-handover"));
    await screen.findByTestId("handover-form");
    const handover = fromKofi(fake);
    fake.handoverList = [handover];
    fake.emitLive({ id: 1, at: new Date().toISOString(), payload: { type: "handover", handover } });
    expect((await screen.findByTestId("handover-waiting")).textContent).toContain("Kofi Boateng");
    expect((await screen.findByTestId("handover-count")).textContent?.trim()).toBe("1");
  });
});
