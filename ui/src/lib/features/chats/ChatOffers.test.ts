import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import type { Offer } from "../../bindings";
import { useBackend } from "../../backend";
import { fakeAgent, FakeBackend, sampleData } from "../../backend/fake";
import { DeskState } from "../../stores/desk.svelte";
import { OfferState } from "./offers.svelte";
import ChatOffers from "./ChatOffers.svelte";

function offer(id: number, ticketId: number, seconds = 30): Offer {
  const now = Date.now();
  return {
    id,
    ticket_id: ticketId,
    agent_id: fakeAgent.id,
    status: "offered",
    why: {
      strategy: "longest_idle",
      language_matched: true,
      topic_matched: true,
      skills_relaxed: false,
      load_before: 1,
      capacity: 3,
      idle_seconds: 240,
      waited_seconds: 4,
    },
    subject: "Live chat: card payment",
    customer_name: "Siti Rahman",
    language: "ms",
    topic: "card_payment",
    offered_at: new Date(now).toISOString(),
    expires_at: new Date(now + seconds * 1000).toISOString(),
    answered_at: null,
    version: 1,
  };
}

describe("ChatOffers", () => {
  let fake: FakeBackend;
  let desk: DeskState;
  let offers: OfferState;

  beforeEach(async () => {
    fake = new FakeBackend(sampleData());
    useBackend(fake);
    desk = new DeskState();
    await desk.init();
    const chat = fake.tickets.find((v) => v.ticket.channel === "chat")!;
    fake.offers = [offer(1, chat.ticket.id)];
    offers = new OfferState();
    await offers.init(desk);
  });

  it("shows who, why and how long is left, and accepting opens the chat", async () => {
    render(ChatOffers, { props: { offers } });
    const card = await screen.findByTestId("chat-offer");
    expect(card.textContent).toContain("Siti Rahman");
    expect(card.textContent).toContain("speaks ms");
    expect(card.textContent).toContain("handles card payment");
    expect(card.textContent).toContain("1 of 3 chats");
    expect(screen.getByTestId("offer-seconds").textContent).toMatch(/^(29|30) s left$/);
    await fireEvent.click(screen.getByTestId("offer-accept"));
    await waitFor(() => expect(screen.queryByTestId("chat-offer")).toBeNull());
    expect(fake.answered).toEqual([{ offerId: 1, accept: true }]);
    await waitFor(() => expect(desk.selectedId).toBe(fake.offers[0].ticket_id));
  });

  it("an offer declined, run out or taken elsewhere leaves; a new one arrives live", async () => {
    render(ChatOffers, { props: { offers } });
    await fireEvent.click(await screen.findByTestId("offer-decline"));
    await waitFor(() => expect(screen.queryByTestId("chat-offer")).toBeNull());
    expect(fake.answered).toEqual([{ offerId: 1, accept: false }]);
    const next = offer(2, fake.offers[0].ticket_id);
    fake.emitLive({ id: 1, at: next.offered_at, payload: { type: "offer", offer: next, ticket: fake.tickets[0].ticket } });
    await screen.findByTestId("chat-offer");
    fake.emitLive({ id: 2, at: next.offered_at, payload: { type: "offer", offer: { ...next, status: "withdrawn" }, ticket: fake.tickets[0].ticket } });
    await waitFor(() => expect(screen.queryByTestId("chat-offer")).toBeNull());
    const someoneElses = { ...offer(3, 1), agent_id: fakeAgent.id + 1 };
    fake.emitLive({ id: 3, at: next.offered_at, payload: { type: "offer", offer: someoneElses, ticket: fake.tickets[0].ticket } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId("chat-offer")).toBeNull();
  });
});
