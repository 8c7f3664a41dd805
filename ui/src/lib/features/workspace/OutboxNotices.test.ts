import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import { sampleEscalation, type FakeBackend } from "../../backend/fake";
import { fakeDesk } from "../../backend/testing";
import type { DeskState } from "../../stores/desk.svelte";
import OutboxNotices from "./OutboxNotices.svelte";

describe("OutboxNotices", () => {
  let fake: FakeBackend;
  let desk: DeskState;

  beforeEach(async () => {
    ({ fake, desk } = await fakeDesk());
    await fake.updateTicket(100001, { status: "solved" }, "change-1");
    await fake.sendReply(100001, "Refund sent", [], "reply-1");
    fake.queue[0].state = "conflict";
    fake.queue[1].state = "rejected";
    fake.queue[1].last_error = "the ticket is closed";
  });

  it("explains each refused action and lets the agent settle it", async () => {
    render(OutboxNotices, { props: { items: await fake.outbox(), desk } });
    const notices = screen.getAllByTestId("outbox-notice");
    expect(notices).toHaveLength(2);
    expect(notices[0].textContent).toContain("Your change (status → Solved) was not applied");
    expect(notices[1].textContent).toContain("the ticket is closed");

    await fireEvent.click(screen.getByTestId("keep-mine"));
    await waitFor(() => expect(fake.queue.map((q) => q.id)).not.toContain("change-1"));
    const requeued = fake.queue.find((q) => q.action.type === "update_ticket");
    expect(requeued?.state).toBe("pending");

    await fireEvent.click(screen.getByTestId("dismiss"));
    await waitFor(() => expect(fake.queue.find((q) => q.id === "reply-1")).toBeUndefined());
  });

  it("taking theirs drops the agent's change", async () => {
    render(OutboxNotices, { props: { items: await fake.outbox(), desk } });
    await fireEvent.click(screen.getByTestId("take-theirs"));
    await waitFor(() => expect(fake.queue.find((q) => q.action.type === "update_ticket")).toBeUndefined());
  });

  it("a take someone else beat the agent to offers only to dismiss it", async () => {
    fake.tickets[0].escalations = [sampleEscalation(9, 100001, "l1")];
    await fake.acknowledgeEscalation(9, "take-1");
    fake.queue.at(-1)!.state = "conflict";
    render(OutboxNotices, { props: { items: (await fake.outbox()).filter((q) => q.id === "take-1"), desk } });
    expect(screen.getByTestId("outbox-notice").textContent).toContain("Someone else took this escalation first.");
    expect(screen.queryByTestId("keep-mine")).toBeNull();
    await fireEvent.click(screen.getByTestId("dismiss"));
    await waitFor(() => expect(fake.queue.map((q) => q.id)).not.toContain("take-1"));
  });

  it("an account action on an account that changed meanwhile says so, in the action's words", async () => {
    const customerId = fake.tickets[0].customer!.id;
    const request = { action: { kind: "freeze" as const }, reason: "account_takeover", note: "", expires_at: null };
    await fake.requestAccountAction(customerId, null, request, "freeze-1");
    fake.queue.at(-1)!.state = "conflict";
    render(OutboxNotices, { props: { items: (await fake.outbox()).filter((q) => q.id === "freeze-1"), desk } });
    const notice = screen.getByTestId("account-conflict");
    expect(notice.textContent).toContain("Account action: Freeze the account was not applied");
    expect(notice.textContent).toContain("the account changed since you looked");
    expect(screen.getByTestId("keep-mine").textContent).toBe("Send again");
    await fireEvent.click(screen.getByTestId("take-theirs"));
    await waitFor(() => expect(fake.queue.map((q) => q.id)).not.toContain("freeze-1"));
  });
});
