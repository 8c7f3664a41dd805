import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskFailure } from "../../backend";
import type { FakeBackend } from "../../backend/fake";
import { fakeDesk } from "../../backend/testing";
import type { DeskState } from "../../stores/desk.svelte";
import { drafts } from "../drafts/drafts";
import ReplyBox from "./ReplyBox.svelte";

describe("ReplyBox", () => {
  let fake: FakeBackend;
  let desk: DeskState;

  beforeEach(async () => {
    ({ fake, desk } = await fakeDesk());
    await desk.open(100001);
    drafts.forget("reply", 100001);
  });

  function renderBox() {
    return render(ReplyBox, {
      props: { ticketId: 100001, channel: "email", customerName: "Lucas Moreau", desk, undoMs: 0 },
    });
  }

  it("attaches picked, dropped and pasted files, sends them with the reply, and says why one is refused", async () => {
    renderBox();
    const input = screen.getByTestId("file-input") as HTMLInputElement;
    const statement = new File(["%PDF-1.4 statement"], "statement.pdf", { type: "application/pdf" });
    await fireEvent.change(input, { target: { files: [statement] } });
    await waitFor(() => expect(screen.getAllByTestId("reply-file").map((f) => f.textContent)).toEqual([expect.stringContaining("statement.pdf")]));
    const box = screen.getByTestId("reply-body") as HTMLTextAreaElement;
    const dropped = new File(["screenshot bytes"], "screenshot.png", { type: "image/png" });
    await fireEvent.drop(box.closest("form")!, { dataTransfer: { files: [dropped], types: ["Files"] } });
    const pasted = new File(["pasted bytes"], "", { type: "image/png" });
    await fireEvent.paste(box, { clipboardData: { files: [pasted] } });
    await waitFor(() => expect(screen.getAllByTestId("reply-file")).toHaveLength(3));
    expect(screen.getAllByTestId("reply-file")[2].textContent).toContain("pasted-image.png");
    // An empty file is refused by the desk, with its reason.
    await fireEvent.change(input, { target: { files: [new File([], "empty.txt")] } });
    expect((await screen.findByTestId("reply-error")).textContent).toContain("empty.txt was not attached");
    // One removed; the rest go with the reply.
    await fireEvent.click(screen.getByRole("button", { name: "Remove screenshot.png" }));
    await fireEvent.input(box, { target: { value: "The statement you asked for." } });
    await fireEvent.click(screen.getByTestId("send-reply"));
    await waitFor(() => expect(fake.replies).toHaveLength(1));
    expect(fake.replies[0].files.map((f) => f.name)).toEqual(["statement.pdf", "pasted-image.png"]);
    await waitFor(() => expect(screen.queryByTestId("reply-files")).toBeNull());
  });

  it("queues the trimmed reply with Ctrl+Enter, clears the box, and shows it until sent", async () => {
    renderBox();
    const box = screen.getByTestId("reply-body") as HTMLTextAreaElement;
    await fireEvent.input(box, { target: { value: "  We refunded the duplicate charge.  " } });
    await fireEvent.keyDown(box, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(fake.replies).toHaveLength(1));
    expect(fake.replies[0]).toMatchObject({ ticketId: 100001, body: "We refunded the duplicate charge." });
    await waitFor(() => expect(box.value).toBe(""));
    await waitFor(() => expect(desk.ticket?.outbox.map((i) => i.state)).toEqual(["pending"]));
    fake.deliver();
    await waitFor(() => expect(desk.ticket?.conversation.messages.at(-1)?.text).toBe("We refunded the duplicate charge."));
    expect(desk.ticket?.outbox).toEqual([]);
  });

  it("keeps the text after a failure and retries with the same key", async () => {
    renderBox();
    fake.failNext = new DeskFailure("not_signed_in", "Sign in first.");
    const box = screen.getByTestId("reply-body") as HTMLTextAreaElement;
    await fireEvent.input(box, { target: { value: "Checking with payments now." } });
    await fireEvent.click(screen.getByTestId("send-reply"));

    const error = await screen.findByTestId("reply-error");
    expect(error.textContent).toContain("Sign in first.");
    expect(box.value).toBe("Checking with payments now.");

    await fireEvent.click(screen.getByTestId("send-reply"));
    await waitFor(() => expect(fake.replies).toHaveLength(2));
    expect(fake.replies[1].clientKey).toBe(fake.replies[0].clientKey);
    await waitFor(() => expect(screen.queryByTestId("reply-error")).toBeNull());
    fake.deliver();
    await waitFor(() => expect(desk.ticket?.conversation.messages.filter((m) => m.text === "Checking with payments now.")).toHaveLength(1));
  });

  it("uses a new key when the text changed after a failure", async () => {
    renderBox();
    fake.failNext = new DeskFailure("internal", "down");
    const box = screen.getByTestId("reply-body") as HTMLTextAreaElement;
    await fireEvent.input(box, { target: { value: "First wording" } });
    await fireEvent.click(screen.getByTestId("send-reply"));
    await screen.findByTestId("reply-error");
    await fireEvent.input(box, { target: { value: "Better wording" } });
    await fireEvent.click(screen.getByTestId("send-reply"));
    await waitFor(() => expect(fake.replies).toHaveLength(2));
    expect(fake.replies[1].clientKey).not.toBe(fake.replies[0].clientKey);
  });

  it("takes a send pressed while another reply is being queued, and queues both in order", async () => {
    renderBox();
    let release: () => void = () => {};
    const slow = new Promise<void>((done) => (release = done));
    const real = fake.sendReply.bind(fake);
    vi.spyOn(fake, "sendReply").mockImplementationOnce(async (...args) => {
      await slow;
      return real(...args);
    });
    const box = screen.getByTestId("reply-body") as HTMLTextAreaElement;
    await fireEvent.input(box, { target: { value: "First answer." } });
    await fireEvent.click(screen.getByTestId("send-reply"));
    await fireEvent.input(box, { target: { value: "Second answer." } });
    expect((screen.getByTestId("send-reply") as HTMLButtonElement).disabled).toBe(false);
    await fireEvent.click(screen.getByTestId("send-reply"));
    expect(box.value).toBe(""); // the second is taken, not ignored
    expect(fake.replies).toHaveLength(0);
    release();
    await waitFor(() => expect(fake.replies.map((r) => r.body)).toEqual(["First answer.", "Second answer."]));
  });

  it("does not send an empty reply", async () => {
    renderBox();
    expect((screen.getByTestId("send-reply") as HTMLButtonElement).disabled).toBe(true);
    const box = screen.getByTestId("reply-body");
    await fireEvent.input(box, { target: { value: "   " } });
    await fireEvent.keyDown(box, { key: "Enter", ctrlKey: true });
    expect(fake.replies).toHaveLength(0);
  });

  it("gives a short window to undo a sent reply, and keeps the draft until it is queued", async () => {
    render(ReplyBox, {
      props: { ticketId: 100001, channel: "email", customerName: "Lucas Moreau", desk, undoMs: 60_000 },
    });
    const box = screen.getByTestId("reply-body") as HTMLTextAreaElement;
    await fireEvent.input(box, { target: { value: "Refund is on its way." } });
    await fireEvent.click(screen.getByTestId("send-reply"));
    expect(box.value).toBe("");
    expect(screen.getByTestId("undo-send")).toBeTruthy();
    await waitFor(() => expect(fake.drafts.get(100001)).toBe("Refund is on its way."));
    expect(fake.replies).toHaveLength(0);

    await fireEvent.click(screen.getByTestId("undo"));
    expect(box.value).toBe("Refund is on its way.");
    expect(fake.replies).toHaveLength(0);

    await fireEvent.click(screen.getByTestId("send-reply"));
    await fireEvent.click(screen.getByText("Send now"));
    await waitFor(() => expect(fake.replies).toHaveLength(1));
    await waitFor(() => expect(fake.drafts.has(100001)).toBe(false));
  });

  it("inserts a macro, then sends and sets the status it suggests in one action", async () => {
    renderBox();
    await fireEvent.click(screen.getByTestId("open-macros"));
    const macro = (await screen.findAllByTestId("macro")).find((m) => m.textContent?.includes("Refund sent"))!;
    await fireEvent.click(macro);
    const box = screen.getByTestId("reply-body") as HTMLTextAreaElement;
    expect(box.value).toContain("We have sent your refund");
    expect((screen.getByTestId("then-status") as HTMLSelectElement).value).toBe("solved");

    await fireEvent.click(screen.getByTestId("send-reply"));
    await waitFor(() => expect(fake.replies).toHaveLength(1));
    await waitFor(() => expect(fake.queue.some((q) => q.action.type === "update_ticket")).toBe(true));
    const update = fake.queue.find((q) => q.action.type === "update_ticket")!.action;
    expect(update).toMatchObject({ update: { status: "solved", tags: expect.arrayContaining(["refund"]) } });
  });

  it("when the reply is queued but the status change fails, says so and does not put the reply back", async () => {
    renderBox();
    vi.spyOn(fake, "updateTicket").mockRejectedValueOnce(new DeskFailure("internal", "Disk full."));
    const box = screen.getByTestId("reply-body") as HTMLTextAreaElement;
    await fireEvent.input(box, { target: { value: "Refund issued." } });
    await fireEvent.change(screen.getByTestId("then-status"), { target: { value: "solved" } });
    await fireEvent.click(screen.getByTestId("send-reply"));
    const error = await screen.findByTestId("reply-error");
    expect(error.textContent).toContain("Sent, but the ticket was not changed");
    expect(fake.replies).toHaveLength(1);
    expect(box.value).toBe("");
  });

  it("brings back a saved draft after a restart", async () => {
    await fake.saveDraft("reply", "100001", "Half-written answer");
    renderBox();
    const box = screen.getByTestId("reply-body") as HTMLTextAreaElement;
    await waitFor(() => expect(box.value).toBe("Half-written answer"));
  });

  it("finds a help-centre article and inserts its link", async () => {
    renderBox();
    await fireEvent.click(screen.getByTestId("open-articles"));
    const picker = await screen.findByTestId("article-picker");
    await fireEvent.input(picker.querySelector("input")!, { target: { value: "card refunds" } });
    await fireEvent.click(await screen.findByTestId("insert-link"));
    const box = screen.getByTestId("reply-body") as HTMLTextAreaElement;
    expect(box.value).toContain("How card refunds reach your account: https://help.arbiter.example/en/card-refunds");
    expect(screen.queryByTestId("article-picker")).toBeNull();
  });
});
