import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import type { LiveEvent, Message } from "../../bindings";
import { useBackend } from "../../backend";
import { fakeAgent, FakeBackend, sampleData } from "../../backend/fake";
import { ChatState } from "./chats.svelte";
import { DeskState } from "../../stores/desk.svelte";
import ChatDock from "./ChatDock.svelte";

function customerMessage(ticketId: number, id: number): LiveEvent {
  const message: Message = {
    id,
    ticket_id: ticketId,
    author_kind: "customer",
    author_agent_id: null,
    author_name: "Lucas Moreau",
    text: "Are you still there?",
    html: null,
    email: null,
    attachments: [],
    created_at: new Date().toISOString(),
    client_ref: null,
  };
  return { id, at: message.created_at, payload: { type: "message_created", message } };
}

describe("ChatDock", () => {
  let fake: FakeBackend;
  let desk: DeskState;
  let chats: ChatState;

  beforeEach(async () => {
    fake = new FakeBackend(sampleData());
    // Two live chats of the agent's own.
    for (const view of fake.tickets.filter((v) => v.ticket.channel === "chat")) {
      view.ticket = { ...view.ticket, assignee_id: fakeAgent.id, status: "open" };
    }
    useBackend(fake);
    localStorage.clear();
    desk = new DeskState();
    await desk.init();
    chats = new ChatState();
    await chats.init(desk);
  });

  it("shows every chat with its unread count, and reading one clears it", async () => {
    render(ChatDock, { props: { chats, desk } });
    const tabs = await screen.findAllByTestId("chat-tab");
    expect(tabs).toHaveLength(2);

    fake.emitLive(customerMessage(100002, 9001));
    fake.emitLive(customerMessage(100002, 9002));
    await waitFor(() => expect(screen.getByTestId("chat-unread").textContent).toBe("2"));
    expect(document.title).toBe("(2) Arbiter");

    const tab = (await screen.findAllByTestId("chat-tab")).find((t) => t.querySelector('[data-testid="chat-unread"]'))!;
    await fireEvent.click(tab);
    await waitFor(() => expect(screen.queryByTestId("chat-unread")).toBeNull());
    expect(document.title).toBe("Arbiter");
  });

  it("does not count messages in the chat the agent is reading, and tracks typing", async () => {
    await desk.open(100002);
    render(ChatDock, { props: { chats, desk } });
    fake.emitLive(customerMessage(100002, 9003));
    fake.emitLive({ id: 9004, at: new Date().toISOString(), payload: { type: "typing", ticket_id: 100004, typist: "customer", agent_id: null, typing: true } });
    await waitFor(() => expect(chats.isTyping(100004)).toBe(true));
    expect(chats.unread[100002] ?? 0).toBe(0);
    expect(chats.isTyping(100002)).toBe(false);
  });

  it("keeps unread counts across a restart, and flashes the window when it is in the background", async () => {
    render(ChatDock, { props: { chats, desk } });
    const focused = document.hasFocus;
    document.hasFocus = () => false;
    try {
      fake.emitLive(customerMessage(100002, 9005));
    } finally {
      document.hasFocus = focused;
    }
    await waitFor(() => expect(chats.unread[100002]).toBe(1));
    expect(fake.attentionRequests).toBe(1);
    chats.dispose();

    const restarted = new ChatState();
    await restarted.init(desk);
    expect(restarted.unread[100002]).toBe(1);
    expect(document.title).toBe("(1) Arbiter");
    // A chat that is no longer the agent's drops its count.
    fake.tickets.find((v) => v.ticket.id === 100002)!.ticket.assignee_id = null;
    await restarted.refresh();
    expect(restarted.unread[100002]).toBeUndefined();
    expect(document.title).toBe("Arbiter");
    restarted.dispose();
  });

  it("remembers that the sound is off", async () => {
    chats.toggleMute();
    const again = new ChatState();
    await again.init(desk);
    expect(again.muted).toBe(true);
  });
});
