import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import { useBackend } from "../backend";
import { FakeBackend, sampleData } from "../backend/fake";
import EmailBody from "./EmailBody.svelte";

describe("EmailBody", () => {
  let fake: FakeBackend;

  beforeEach(() => {
    fake = new FakeBackend(sampleData());
    const message = fake.tickets[0].messages[0];
    message.html = '<p>Receipt</p><img src="https://tracker.example/p.gif"><a href="https://bank.example">bank</a>';
    useBackend(fake);
  });

  it("shows the email in a frame that runs no script, with remote images held back until asked", async () => {
    const { ticket, messages } = fake.tickets[0];
    render(EmailBody, { props: { ticketId: ticket.id, messageId: messages[0].id } });
    const frame = (await screen.findByTestId("email-frame")) as HTMLIFrameElement;
    const sandbox = frame.getAttribute("sandbox") ?? "";
    expect(sandbox).not.toContain("allow-scripts");
    expect(sandbox).not.toContain("allow-popups");
    expect(frame.getAttribute("srcdoc")).not.toContain("tracker.example");
    expect(screen.getByTestId("images-blocked").textContent).toContain("1 remote image blocked");

    await fireEvent.click(screen.getByTestId("show-images"));
    await waitFor(() => expect(frame.getAttribute("srcdoc")).toContain("https://tracker.example/p.gif"));
    expect(screen.queryByTestId("images-blocked")).toBeNull();
  });
});
