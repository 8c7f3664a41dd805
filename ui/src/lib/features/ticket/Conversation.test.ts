import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { useBackend } from "../../backend";
import { FakeBackend, sampleData } from "../../backend/fake";
import Conversation from "./Conversation.svelte";

describe("Conversation", () => {
  it("lists a message's attachments with their size, without opening them", () => {
    const fake = new FakeBackend(sampleData());
    useBackend(fake);
    const view = fake.tickets[0];
    const message = {
      ...view.messages[0],
      html: null,
      attachments: [{ name: "statement.pdf", content_type: "application/pdf", size_bytes: 245_760, sha256: "ab".repeat(32) }],
    };
    render(Conversation, { props: { messages: [message], channel: "email", agentName: "Ava Chen" } });
    const list = screen.getByTestId("attachments");
    expect(list.textContent).toContain("statement.pdf");
    expect(list.textContent).toContain("240 KB");
    expect(list.querySelector("a")).toBeNull();
  });
});
