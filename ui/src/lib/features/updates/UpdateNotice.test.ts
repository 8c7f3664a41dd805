import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import type { FakeBackend } from "../../backend/fake";
import { fakeDesk } from "../../backend/testing";
import type { UpdateStatus } from "../../bindings";
import type { DeskState } from "../../stores/desk.svelte";
import ReplyBox from "../reply/ReplyBox.svelte";
import UpdateNotice from "./UpdateNotice.svelte";
import { UpdateState } from "./updates.svelte";

const release = { version: "0.2.0", notes: "Signed updates\n<img src=x onerror=alert(1)>", date: null };
const at = (state: UpdateStatus["state"]): UpdateStatus => ({ current_version: "0.1.0", channel: "stable", state });

describe("UpdateNotice", () => {
  let fake: FakeBackend;
  let desk: DeskState;
  let updates: UpdateState;

  beforeEach(async () => {
    ({ fake, desk } = await fakeDesk());
    updates = new UpdateState();
    await updates.init();
  });

  it("stays quiet when updates are off or there is nothing new", async () => {
    render(UpdateNotice, { props: { updates } });
    expect(screen.queryByTestId("update-notice")).toBeNull();
    fake.announceUpdate(at({ state: "up_to_date", checked_at: new Date().toISOString() }));
    await Promise.resolve();
    expect(screen.queryByTestId("update-notice")).toBeNull();
  });

  it("shows a download's progress, then what is new as text", async () => {
    render(UpdateNotice, { props: { updates } });
    fake.announceUpdate(at({ state: "downloading", release, received: 5_000_000, total: 10_000_000 }));
    const progress = await screen.findByRole("progressbar");
    expect(progress.getAttribute("value")).toBe("50");
    expect(screen.getByTestId("update-notice").textContent).toContain("Downloading Arbiter 0.2.0");

    fake.announceUpdate(at({ state: "ready", release }));
    await fireEvent.click(await screen.findByText("What's new"));
    const notes = screen.getByTestId("update-notes");
    expect(notes.textContent).toContain("<img src=x onerror=alert(1)>");
    expect(notes.querySelector("img")).toBeNull();
  });

  it("does not restart while a reply is being written or actions wait in the outbox", async () => {
    fake.announceUpdate(at({ state: "ready", release }));
    render(UpdateNotice, { props: { updates } });
    const reply = render(ReplyBox, { props: { ticketId: 100001, channel: "email", customerName: "Ana", desk } });
    await fireEvent.input(reply.getByTestId("reply-body"), { target: { value: "Half a sentence" } });

    await fireEvent.click(screen.getByTestId("update-restart"));
    expect((await screen.findByTestId("update-refusal")).textContent).toContain("Send or discard the reply you are writing");
    expect(fake.restarts).toBe(0);

    reply.unmount();
    await fake.sendReply(100001, "Queued while offline", [], "reply-1");
    await fireEvent.click(screen.getByTestId("update-restart"));
    await waitFor(() => expect(screen.getByTestId("update-refusal").textContent).toContain("1 action is still on its way"));

    fake.queue.length = 0;
    await fireEvent.click(screen.getByTestId("update-restart"));
    await waitFor(() => expect(fake.restarts).toBe(1));
  });

  it("says why an update failed and looks again on request", async () => {
    const message = { key: "updates.signatureRefused", args: { version: "0.2.0", current: "0.1.0" } };
    fake.announceUpdate(at({ state: "failed", message }));
    render(UpdateNotice, { props: { updates } });
    expect(screen.getByTestId("update-failure").textContent).toContain("The update to 0.2.0 was refused");
    await fireEvent.click(screen.getByTestId("update-retry"));
  });
});
