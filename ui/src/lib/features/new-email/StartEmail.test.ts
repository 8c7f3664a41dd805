import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import { DeskFailure } from "../../backend";
import type { FakeBackend } from "../../backend/fake";
import { fakeDesk } from "../../backend/testing";
import type { DeskState } from "../../stores/desk.svelte";
import { shortcuts } from "../shortcuts/shortcuts.svelte";
import Workspace from "../workspace/Workspace.svelte";

describe("A new email to the ticket's customer", () => {
  let fake: FakeBackend;
  let desk: DeskState;

  beforeEach(async () => {
    localStorage.clear();
    shortcuts.load();
    ({ fake, desk } = await fakeDesk());
    await desk.open(100001);
  });

  it("needs a subject and a message, goes with its files, and waits until sent", async () => {
    render(Workspace, { props: { desk } });
    await fireEvent.click(screen.getByTestId("new-email"));
    const dialog = await screen.findByTestId("new-email-dialog");
    const customer = desk.ticket!.customer!;
    expect(screen.getByTestId("new-email-to").textContent).toContain(customer.email);
    await waitFor(() => expect((screen.getByTestId("new-email-queue") as HTMLSelectElement).value).toBe("disputes"));
    expect(document.activeElement).toBe(screen.getByTestId("new-email-subject"));

    await fireEvent.click(screen.getByTestId("new-email-send"));
    expect(screen.getByTestId("new-email-error").textContent).toContain("Choose a queue");

    const statement = new File(["%PDF-1.4 statement"], "statement.pdf", { type: "application/pdf" });
    await fireEvent.change(screen.getByTestId("new-email-file-input"), { target: { files: [statement] } });
    await waitFor(() => expect(screen.getAllByTestId("reply-file").map((f) => f.textContent)).toEqual([expect.stringContaining("statement.pdf")]));
    await fireEvent.input(screen.getByTestId("new-email-subject"), { target: { value: "  Documents for your withdrawal " } });
    await fireEvent.input(screen.getByTestId("new-email-body"), { target: { value: "Please send a bank statement. 谢谢" } });
    await fireEvent.keyDown(screen.getByTestId("new-email-body"), { key: "Enter", ctrlKey: true });

    await waitFor(() => expect(dialog.isConnected).toBe(false));
    expect(fake.queue.at(-1)?.action).toMatchObject({
      type: "start_email",
      ticket_id: 100001,
      customer_id: customer.id,
      queue: "disputes",
      subject: "Documents for your withdrawal",
      body: "Please send a bank statement. 谢谢",
      files: [{ name: "statement.pdf" }],
    });
    const waiting = await screen.findByTestId("new-email-waiting");
    expect(waiting.textContent).toContain("Documents for your withdrawal");

    fake.deliver();
    await waitFor(() => expect(screen.queryByTestId("new-email-waiting")).toBeNull());
  });

  it("says why it was not taken and keeps what was written, for the retry", async () => {
    render(Workspace, { props: { desk } });
    await fireEvent.click(screen.getByTestId("new-email"));
    await screen.findByTestId("new-email-dialog");
    await fireEvent.input(screen.getByTestId("new-email-subject"), { target: { value: "Your refund" } });
    await fireEvent.input(screen.getByTestId("new-email-body"), { target: { value: "It is on its way." } });
    fake.failNext = new DeskFailure("internal", "the local copy is busy");
    await fireEvent.click(screen.getByTestId("new-email-send"));
    expect((await screen.findByTestId("new-email-error")).textContent).toContain("the local copy is busy");
    expect((screen.getByTestId("new-email-subject") as HTMLInputElement).value).toBe("Your refund");
    await fireEvent.click(screen.getByTestId("new-email-send"));
    await waitFor(() => expect(fake.queue.at(-1)?.action).toMatchObject({ type: "start_email", subject: "Your refund" }));
  });
});
