import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import { useBackend } from "../../backend";
import { FakeBackend, sampleData } from "../../backend/fake";
import EmailBody from "./EmailBody.svelte";

describe("EmailBody", () => {
  let fake: FakeBackend;

  beforeEach(() => {
    fake = new FakeBackend(sampleData());
    const message = fake.tickets[0].messages[0];
    message.html = '<p>Receipt</p><img src="https://tracker.example/p.gif"><a href="https://bank.example">bank</a>';
    useBackend(fake);
  });

  it("shows the email in a sandboxed frame of its own origin, with remote images held back until asked", async () => {
    const { ticket, messages } = fake.tickets[0];
    render(EmailBody, { props: { ticketId: ticket.id, messageId: messages[0].id } });
    const frame = (await screen.findByTestId("email-frame")) as HTMLIFrameElement;
    const sandbox = frame.getAttribute("sandbox") ?? "";
    // Scripts run only under the frame's CSP nonce (its one reporting script); without
    // allow-same-origin the frame cannot reach the desk.
    expect(sandbox.split(/\s+/)).toEqual(["allow-scripts"]);
    expect(frame.getAttribute("srcdoc")).not.toContain("tracker.example");
    expect(screen.getByTestId("images-blocked").textContent).toContain("1 remote image blocked");

    await fireEvent.click(screen.getByTestId("show-images"));
    await waitFor(() => expect(frame.getAttribute("srcdoc")).toContain("https://tracker.example/p.gif"));
    expect(screen.queryByTestId("images-blocked")).toBeNull();
  });

  it("shows where a clicked link goes and opens it only when the agent says so; other windows are ignored", async () => {
    const { ticket, messages } = fake.tickets[0];
    render(EmailBody, { props: { ticketId: ticket.id, messageId: messages[0].id } });
    const frame = (await screen.findByTestId("email-frame")) as HTMLIFrameElement;
    // A message from anywhere but the frame (another frame, a stray window) does nothing.
    window.dispatchEvent(new MessageEvent("message", { data: { arbiterEmail: "link", href: "https://evil.example" }, source: window }));
    expect(screen.queryByTestId("link-confirm")).toBeNull();

    const report = (data: unknown) => window.dispatchEvent(new MessageEvent("message", { data, source: frame.contentWindow }));
    report({ arbiterEmail: "height", height: 640 });
    await waitFor(() => expect(frame.style.height).toBe("640px"));
    report({ arbiterEmail: "link", href: "javascript:alert(1)" });
    expect((await screen.findByTestId("link-confirm")).textContent).toContain("javascript:alert(1)");
    expect((screen.getByTestId("open-link") as HTMLButtonElement).disabled).toBe(true);

    report({ arbiterEmail: "link", href: "https://bank.example/login" });
    await waitFor(() => expect(screen.getByTestId("link-confirm").textContent).toContain("https://bank.example/login"));
    expect(fake.opened).toEqual([]);
    await fireEvent.click(screen.getByTestId("open-link"));
    await waitFor(() => expect(fake.opened).toEqual(["https://bank.example/login"]));
    expect(screen.queryByTestId("link-confirm")).toBeNull();
  });
});
