import { describe, expect, it, vi } from "vitest";
import { fakeDesk } from "../backend/testing";

/** Lets `ticket(id)` answer only when `release(id)` is called. */
function holdTickets(fake: { ticket(id: number): Promise<unknown> }) {
  const real = fake.ticket.bind(fake);
  const waiting = new Map<number, () => void>();
  vi.spyOn(fake, "ticket").mockImplementation(
    (id: number) => new Promise((resolve) => waiting.set(id, () => resolve(real(id)))) as never,
  );
  return (id: number) => waiting.get(id)!();
}

describe("DeskState reads", () => {
  it("opening one ticket then another quickly shows the second, whatever answers last", async () => {
    const { fake, desk } = await fakeDesk();
    const [a, b] = desk.tickets.map((t) => t.id);
    const release = holdTickets(fake);
    const first = desk.open(a);
    const second = desk.open(b);
    release(b);
    await second;
    release(a);
    await first;
    expect(desk.selectedId).toBe(b);
    expect(desk.ticket?.ticket.id).toBe(b);
  });

  it("a refresh that reads the old ticket does not replace the one opened since", async () => {
    const { fake, desk } = await fakeDesk();
    const [a, b] = desk.tickets.map((t) => t.id);
    await desk.open(a);
    const release = holdTickets(fake);
    const refreshing = desk.refresh([a]);
    await vi.waitFor(() => expect(fake.ticket).toHaveBeenCalledWith(a));
    const opening = desk.open(b);
    release(b);
    await opening;
    release(a);
    await refreshing;
    expect(desk.ticket?.ticket.id).toBe(b);
  });

  it("a change to the open ticket is shown even when a change to other tickets overtakes its refresh", async () => {
    const { fake, desk } = await fakeDesk();
    const [a, b] = desk.tickets.map((t) => t.id);
    await desk.open(a);
    fake.tickets.find((t) => t.ticket.id === a)!.ticket.subject = "Changed meanwhile";
    // The open ticket changed, then others did before the first refresh got through.
    const mine = desk.refresh([a]);
    const others = desk.refresh([b]);
    await Promise.all([mine, others]);
    expect(desk.ticket?.ticket.subject).toBe("Changed meanwhile");
  });

  it("a retried ticket change sends the same idempotency key; the next change a new one", async () => {
    const { fake, desk } = await fakeDesk();
    await desk.open(desk.tickets[0].id);
    const sent = vi.spyOn(fake, "updateTicket").mockRejectedValueOnce(new Error("disk full"));
    await desk.updateTicket({ priority: "high" });
    expect(desk.error).not.toBeNull();
    await desk.updateTicket({ priority: "high" });
    await desk.updateTicket({ priority: "low" });
    const keys = sent.mock.calls.map((c) => c[2]);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[1]);
  });
});
