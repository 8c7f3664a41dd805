import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import { fakeDesk } from "../../backend/testing";
import type { FakeBackend } from "../../backend/fake";
import type { DeskState } from "../../stores/desk.svelte";
import { shortcuts } from "../shortcuts/shortcuts.svelte";
import Workspace from "../workspace/Workspace.svelte";

describe("Side conversations with internal teams", () => {
  let fake: FakeBackend;
  let desk: DeskState;

  beforeEach(async () => {
    localStorage.clear();
    shortcuts.load();
    ({ fake, desk } = await fakeDesk());
    await desk.open(100001);
  });

  async function openTeams() {
    render(Workspace, { props: { desk } });
    await fireEvent.click(screen.getByTestId("tab-teams"));
    return screen.getByTestId("side-conversations");
  }

  it("starts empty and says what side conversations are for", async () => {
    const panel = await openTeams();
    expect(within(panel).getByTestId("side-empty").textContent).toContain("the customer never sees");
    expect(screen.getByTestId("tab-teams").getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe("tab-teams");
  });

  it("asks a team: needs a team, subject and message; pending at once, a thread once sent", async () => {
    await openTeams();
    await fireEvent.click(screen.getByTestId("side-ask"));
    expect(document.activeElement).toBe(screen.getByTestId("side-team"));
    await fireEvent.click(screen.getByTestId("side-start"));
    expect(screen.getByTestId("side-error").textContent).toContain("Choose a team");

    await fireEvent.change(screen.getByTestId("side-team"), { target: { value: "compliance" } });
    await fireEvent.input(screen.getByTestId("side-subject"), { target: { value: "Release the withdrawal hold?" } });
    await fireEvent.input(screen.getByTestId("side-body"), { target: { value: "KYC documents are in. 可以吗?" } });
    await fireEvent.keyDown(screen.getByTestId("side-body"), { key: "Enter", ctrlKey: true });
    const pending = await screen.findByTestId("side-pending");
    expect(pending.textContent).toContain("Compliance");
    expect(pending.textContent).toContain("Release the withdrawal hold?");
    expect(fake.queue.at(-1)?.action).toMatchObject({ type: "start_side_conversation", team: "compliance", ticket_id: 100001 });

    fake.deliver();
    const thread = await screen.findByTestId("side-thread");
    expect(within(thread).getAllByTestId("side-message").map((m) => m.querySelector("p")?.textContent)).toEqual([
      "KYC documents are in. 可以吗?",
    ]);
    expect(within(thread).getByTestId("side-status").textContent).toBe("Open");
    await waitFor(() => expect(desk.ticket?.ticket.status).toBe("on_hold"));
  });

  it("shows a team's answer as new, and the agent replies and closes", async () => {
    await openTeams();
    await fireEvent.click(screen.getByTestId("side-ask"));
    await fireEvent.change(screen.getByTestId("side-team"), { target: { value: "risk" } });
    await fireEvent.input(screen.getByTestId("side-subject"), { target: { value: "Device match?" } });
    await fireEvent.input(screen.getByTestId("side-body"), { target: { value: "Same device as the chargeback?" } });
    await fireEvent.click(screen.getByTestId("side-start"));
    fake.deliver();
    const thread = await screen.findByTestId("side-thread");
    const sideId = Number(thread.dataset.sideId);

    fake.teamAnswers(sideId, "Risk team", "Yes: same device, same IP range.");
    await screen.findByTestId("side-new-answer");
    expect(screen.getByTestId("team-answers").textContent).toBe("1 answer waiting");

    const reply = within(thread).getByTestId("side-reply");
    await fireEvent.input(reply, { target: { value: "Thanks, representing." } });
    await fireEvent.click(within(thread).getByTestId("side-send-close"));
    expect((await screen.findByTestId("side-message-unsent")).textContent).toContain("Thanks, representing.");
    expect(fake.queue.at(-1)?.action).toMatchObject({ type: "side_message", side_conversation_id: sideId, close: true });
    fake.deliver();
    await waitFor(() => expect(screen.getByTestId("side-status").textContent).toBe("Closed"));
    expect(screen.queryByTestId("side-new-answer")).toBeNull();
    expect(screen.queryByTestId("team-answers")).toBeNull();
    expect(screen.getAllByTestId("side-message").map((m) => m.querySelector(".author")?.textContent)).toEqual([
      "Ava Chen",
      "Risk team",
      "Ava Chen",
    ]);
  });

  it("opens from the keyboard: t shows the teams and the form", async () => {
    render(Workspace, { props: { desk } });
    await fireEvent.keyDown(document.body, { key: "t" });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("side-team")));
    expect(screen.getByTestId("tab-teams").getAttribute("aria-selected")).toBe("true");
    // Arrow keys move between the tabs, as in any tab list.
    await fireEvent.keyDown(screen.getByTestId("tab-teams"), { key: "ArrowLeft" });
    await waitFor(() => expect(screen.getByTestId("tab-conversation").getAttribute("aria-selected")).toBe("true"));
  });
});
