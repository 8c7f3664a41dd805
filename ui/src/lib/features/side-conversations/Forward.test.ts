import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import type { FakeBackend } from "../../backend/fake";
import { fakeDesk } from "../../backend/testing";
import type { DeskState } from "../../stores/desk.svelte";
import { shortcuts } from "../shortcuts/shortcuts.svelte";
import Workspace from "../workspace/Workspace.svelte";

describe("Forwarding a message by email", () => {
  let fake: FakeBackend;
  let desk: DeskState;

  beforeEach(async () => {
    localStorage.clear();
    shortcuts.load();
    ({ fake, desk } = await fakeDesk());
    await desk.open(100001);
  });

  it("needs one address, queues the forward, and shows it as a thread by email once sent", async () => {
    render(Workspace, { props: { desk } });
    const first = screen.getAllByTestId("message")[0];
    await fireEvent.click(within(first).getByTestId("forward-message"));
    await screen.findByTestId("forward-dialog");
    expect(document.activeElement).toBe(screen.getByTestId("forward-to"));

    await fireEvent.click(screen.getByTestId("forward-send"));
    expect(screen.getByTestId("forward-error").textContent).toContain("Write the address");
    await fireEvent.input(screen.getByTestId("forward-to"), { target: { value: "bank, other@bank.example" } });
    await fireEvent.click(screen.getByTestId("forward-send"));
    await waitFor(() => expect(screen.getByTestId("forward-error").textContent).toContain("is not one email address"));

    await fireEvent.input(screen.getByTestId("forward-to"), { target: { value: " Chargebacks@Bank.example " } });
    await fireEvent.input(screen.getByTestId("forward-note"), { target: { value: "Was this 3-D Secure authenticated?" } });
    await fireEvent.click(screen.getByTestId("forward-send"));
    await waitFor(() => expect(screen.queryByTestId("forward-dialog")).toBeNull());
    expect(within(first).getByTestId("forwarded").textContent).toContain("Chargebacks@Bank.example");
    const messageId = desk.ticket!.conversation.messages[0].id;
    expect(fake.queue.at(-1)?.action).toMatchObject({
      type: "forward",
      ticket_id: 100001,
      message_id: messageId,
      to: "chargebacks@bank.example",
      body: "Was this 3-D Secure authenticated?",
    });

    await fireEvent.click(screen.getByTestId("tab-teams"));
    const pending = await screen.findByTestId("side-pending");
    expect(pending.textContent).toContain("Email · chargebacks@bank.example");
    expect(pending.textContent).toContain("Was this 3-D Secure authenticated?");

    fake.deliver();
    const thread = await screen.findByTestId("side-thread");
    expect(within(thread).getByTestId("side-with").textContent).toBe("Email · chargebacks@bank.example");
    expect(within(thread).getByTestId("delivery").dataset.state).toBe("queued");
    expect(within(thread).getByTestId("side-message").textContent).toContain("Forwarded message");
  });
});
