import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import { fakeAgent, sampleEscalation, type FakeBackend } from "../../backend/fake";
import { fakeDesk } from "../../backend/testing";
import type { DeskState } from "../../stores/desk.svelte";
import Workspace from "../workspace/Workspace.svelte";

describe("EscalationBar", () => {
  let fake: FakeBackend;
  let desk: DeskState;

  beforeEach(async () => {
    localStorage.clear();
    ({ fake, desk } = await fakeDesk((f) => {
      f.tickets[1].escalations = [sampleEscalation(71, 100002, "l2")];
      f.tickets[1].ticket.assignee_id = null;
    }));
    await desk.open(100002);
  });

  it("shows an open escalation's level, reason and trigger; taking it acknowledges and assigns the ticket", async () => {
    render(Workspace, { props: { desk } });
    const bar = await screen.findByTestId("escalation");
    expect(bar.textContent).toContain("L2 · operations");
    expect(bar.textContent).toContain("Legal or media language");
    expect(bar.textContent).toContain("the customer wrote “lawyer”");
    expect(bar.textContent).toContain("5 min ago");
    await fireEvent.click(screen.getByTestId("take-escalation"));
    await waitFor(() => expect(screen.queryByTestId("escalation")).toBeNull(), { timeout: 2000 });
    const actions = fake.queue.map((q) => q.action);
    expect(actions[0]).toMatchObject({ type: "acknowledge_escalation", escalation_id: 71, base_version: 1 });
    expect(actions[1]).toMatchObject({ type: "update_ticket", ticket_id: 100002, update: { assignee_id: fakeAgent.id } });
    fake.deliver();
    await waitFor(() => expect(fake.tickets[1].escalations[0].status).toBe("acknowledged"));
  });

  it("acknowledging leaves the assignee alone, and a taken escalation cannot be taken again", async () => {
    render(Workspace, { props: { desk } });
    await fireEvent.click(await screen.findByTestId("ack-escalation"));
    await waitFor(() => expect(screen.queryByTestId("escalation")).toBeNull());
    expect(fake.queue.map((q) => q.action.type)).toEqual(["acknowledge_escalation"]);
    fake.deliver();
    await expect(fake.acknowledgeEscalation(71, "again")).rejects.toThrow("already taken");
  });
});
