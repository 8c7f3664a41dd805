import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { useBackend } from "../../backend";
import { FakeBackend, sampleData } from "../../backend/fake";
import { CONVERSATION_WINDOW } from "../../backend/rules.generated";
import type { Message } from "../../bindings";
import Conversation from "./Conversation.svelte";

function message(id: number, ticketId: number, minute: number, text = `Message ${id}`): Message {
  return {
    id,
    ticket_id: ticketId,
    author_kind: id % 3 ? "customer" : "agent",
    author_agent_id: id % 3 ? null : 1,
    author_name: id % 3 ? "Lucas Moreau" : "Ava Chen",
    text,
    html: null,
    email: null,
    attachments: [],
    created_at: new Date(Date.UTC(2026, 10, 1, 9, minute)).toISOString(),
    client_ref: null,
  };
}

describe("Conversation", () => {
  it("lists a message's attachments with their size, without opening them", async () => {
    const fake = new FakeBackend(sampleData());
    useBackend(fake);
    const view = fake.tickets[0];
    view.messages = [
      {
        ...view.messages[0],
        html: null,
        attachments: [{ name: "statement.pdf", content_type: "application/pdf", size_bytes: 245_760, sha256: "ab".repeat(32) }],
      },
    ];
    const { conversation } = await fake.ticket(view.ticket.id);
    render(Conversation, { props: { ticketId: view.ticket.id, conversation, channel: "email", agentName: "Ava Chen" } });
    const list = screen.getByTestId("attachments");
    expect(list.textContent).toContain("statement.pdf");
    expect(list.textContent).toContain("240 KB");
    expect(list.querySelector("a")).toBeNull();
  });

  it("says what of an email could not be read as sent", async () => {
    const fake = new FakeBackend(sampleData());
    useBackend(fake);
    const view = fake.tickets[0];
    view.messages = [
      {
        ...view.messages[0],
        html: null,
        mail_warnings: [
          { kind: "charset_guessed", declared: "utf-8", used: "windows-1251" },
          { kind: "too_many_attachments", dropped: 400 },
          { kind: "control_characters_in_header", header: "Subject" },
        ],
      },
    ];
    const { conversation } = await fake.ticket(view.ticket.id);
    render(Conversation, { props: { ticketId: view.ticket.id, conversation, channel: "email", agentName: "Ava Chen" } });
    const warnings = screen.getByTestId("mail-warnings");
    expect(warnings.getAttribute("role")).toBe("note");
    const items = [...warnings.querySelectorAll("li")].map((li) => li.textContent);
    expect(items).toEqual([
      "It said its text was utf-8, but it is windows-1251; it was read as windows-1251.",
      "400 more attachments are only in the original.",
      "Its Subject held line breaks or control characters (possibly an injection attempt); they were replaced by spaces.",
    ]);
  });

  it("shows where each email the desk sent stands with the mail server", async () => {
    const fake = new FakeBackend(sampleData());
    useBackend(fake);
    const view = fake.tickets[0];
    const at = new Date(Date.UTC(2026, 10, 1, 9, 0)).toISOString();
    view.messages = [
      { ...message(3, view.ticket.id, 1), delivery: { state: "sent", detail: "4F2C1A", attempts: 1, updated_at: at } },
      { ...message(6, view.ticket.id, 2), delivery: { state: "queued", detail: null, attempts: 0, updated_at: at } },
      {
        ...message(9, view.ticket.id, 3),
        delivery: { state: "failed", detail: "550 5.1.1 User unknown", attempts: 1, updated_at: at },
      },
    ];
    const { conversation } = await fake.ticket(view.ticket.id);
    render(Conversation, { props: { ticketId: view.ticket.id, conversation, channel: "chat", agentName: "Ava Chen" } });
    const states = screen.getAllByTestId("delivery");
    expect(states.map((s) => [s.dataset.state, s.textContent])).toEqual([
      ["sent", "Sent"],
      ["queued", "Queued for sending"],
      ["failed", "Not delivered: 550 5.1.1 User unknown"],
    ]);
    expect(states[0].getAttribute("title")).toBe("Taken by the mail server as 4F2C1A");
    expect(states[2].getAttribute("role")).toBe("alert");
  });

  it("opens a long thread at its newest part and brings earlier messages a page at a time", async () => {
    const fake = new FakeBackend(sampleData());
    useBackend(fake);
    const view = fake.tickets[0];
    view.messages = Array.from({ length: 260 }, (_, i) => message(i + 1, view.ticket.id, i));
    const { conversation } = await fake.ticket(view.ticket.id);
    render(Conversation, { props: { ticketId: view.ticket.id, conversation, channel: "chat", agentName: "Ava Chen" } });

    expect(screen.getAllByTestId("message")).toHaveLength(CONVERSATION_WINDOW);
    expect(screen.getAllByTestId("message").at(-1)?.textContent).toContain("Message 260");
    const bar = screen.getByTestId("earlier-messages");
    expect(bar.textContent).toContain(`${260 - CONVERSATION_WINDOW} earlier messages`);

    await fireEvent.click(screen.getByTestId("show-earlier"));
    await waitFor(() => expect(screen.getAllByTestId("message")).toHaveLength(CONVERSATION_WINDOW + 100));
    expect(screen.getByTestId("earlier-messages").textContent).toContain(`${260 - CONVERSATION_WINDOW - 100} earlier messages`);
    await fireEvent.click(screen.getByTestId("show-earlier"));
    await waitFor(() => expect(screen.getAllByTestId("message")).toHaveLength(CONVERSATION_WINDOW + 200));
    await fireEvent.click(screen.getByTestId("show-earlier"));
    await waitFor(() => expect(screen.getAllByTestId("message")).toHaveLength(260));
    expect(screen.queryByTestId("earlier-messages")).toBeNull();
    const texts = screen.getAllByTestId("message").map((m) => m.querySelector(".text")?.textContent);
    expect(texts).toEqual(view.messages.map((m) => m.text));
  });

  it("shows the newest emails whole and folds older ones to a line until the agent opens one", async () => {
    const fake = new FakeBackend(sampleData());
    useBackend(fake);
    const view = fake.tickets[0];
    view.messages = Array.from({ length: 6 }, (_, i) => ({
      ...message(i + 1, view.ticket.id, i, `Email ${i + 1} about the chargeback`),
      html: `<p>Email ${i + 1}</p>`,
    }));
    const { conversation } = await fake.ticket(view.ticket.id);
    render(Conversation, { props: { ticketId: view.ticket.id, conversation, channel: "email", agentName: "Ava Chen" } });

    await waitFor(() => expect(screen.getAllByTestId("email-frame")).toHaveLength(3));
    const folded = screen.getAllByTestId("folded-email");
    expect(folded.map((f) => f.textContent?.trim())).toEqual([1, 2, 3].map((n) => `Email ${n} about the chargeback`));
    await fireEvent.click(folded[1]);
    await waitFor(() => expect(screen.getAllByTestId("email-frame")).toHaveLength(4));
    expect(screen.getAllByTestId("folded-email")).toHaveLength(2);
  });

  it("keeps what was read when the ticket refreshes with a newer window", async () => {
    const fake = new FakeBackend(sampleData());
    useBackend(fake);
    const view = fake.tickets[0];
    view.messages = Array.from({ length: 80 }, (_, i) => message(i + 1, view.ticket.id, i));
    const first = await fake.ticket(view.ticket.id);
    const { rerender } = render(Conversation, {
      props: { ticketId: view.ticket.id, conversation: first.conversation, channel: "chat", agentName: "Ava Chen" },
    });
    // Three more arrive: the window moves on, but nothing between it and what was held is lost.
    view.messages.push(message(81, view.ticket.id, 81), message(82, view.ticket.id, 82), message(83, view.ticket.id, 83));
    const next = await fake.ticket(view.ticket.id);
    await rerender({ ticketId: view.ticket.id, conversation: next.conversation, channel: "chat", agentName: "Ava Chen" });
    expect(screen.getAllByTestId("message")).toHaveLength(CONVERSATION_WINDOW + 3);
    expect(screen.getByTestId("earlier-messages").textContent).toContain(`${80 - CONVERSATION_WINDOW} earlier messages`);
    await fireEvent.click(screen.getByTestId("show-earlier"));
    await waitFor(() => expect(screen.getAllByTestId("message")).toHaveLength(83));
  });

  it("folds a message's quoted history until the agent asks for it", async () => {
    const fake = new FakeBackend(sampleData());
    useBackend(fake);
    const view = fake.tickets[0];
    const text = "Yes, that was me.\n\nOn Mon, Ava Chen wrote:\n> Did you make this payment?";
    view.messages = [message(1, view.ticket.id, 0, text)];
    const { conversation } = await fake.ticket(view.ticket.id);
    conversation.quoted = [{ message_id: 1, from: text.indexOf("On Mon") }];
    render(Conversation, { props: { ticketId: view.ticket.id, conversation, channel: "email", agentName: "Ava Chen" } });
    const body = () => screen.getByTestId("message").querySelector(".text")?.textContent;
    expect(body()).toBe("Yes, that was me.");
    await fireEvent.click(screen.getByTestId("toggle-quoted"));
    expect(body()).toBe(text);
    expect(screen.getByTestId("toggle-quoted").getAttribute("aria-expanded")).toBe("true");
  });
});
