import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import type { FakeBackend } from "../../backend/fake";
import { fakeDesk } from "../../backend/testing";
import type { DeskState } from "../../stores/desk.svelte";
import { drafts } from "../drafts/drafts";
import { shortcuts } from "../shortcuts/shortcuts.svelte";
import Workspace from "../workspace/Workspace.svelte";

describe("An internal note with files", () => {
  let fake: FakeBackend;
  let desk: DeskState;

  beforeEach(async () => {
    localStorage.clear();
    shortcuts.load();
    ({ fake, desk } = await fakeDesk());
    await desk.open(100001);
    drafts.forget("note", 100001);
    drafts.forget("reply", 100001);
  });

  it("is written beside the reply, goes with its files, and shows until sent", async () => {
    render(Workspace, { props: { desk } });
    // A reply being written stays while a note is written.
    await fireEvent.input(screen.getByTestId("reply-body"), { target: { value: "Half a reply" } });
    await fireEvent.click(screen.getByTestId("mode-note"));
    expect(screen.getByTestId("mode-note").getAttribute("aria-checked")).toBe("true");

    const letter = new File(["%PDF-1.4 bank letter"], "bank-letter.pdf", { type: "application/pdf" });
    await fireEvent.change(screen.getByTestId("note-file-input"), { target: { files: [letter] } });
    await waitFor(() => expect(screen.getAllByTestId("reply-file").map((f) => f.textContent)).toEqual([expect.stringContaining("bank-letter.pdf")]));
    const box = screen.getByTestId("note-body") as HTMLTextAreaElement;
    await fireEvent.input(box, { target: { value: "  Bank confirms the card was not reported stolen.  " } });
    await fireEvent.keyDown(box, { key: "Enter", ctrlKey: true });

    await waitFor(() => expect(fake.queue.at(-1)?.action).toMatchObject({ type: "note", ticket_id: 100001, body: "Bank confirms the card was not reported stolen." }));
    const action = fake.queue.at(-1)!.action;
    expect(action.type === "note" && action.files?.map((f) => f.name)).toEqual(["bank-letter.pdf"]);
    await waitFor(() => expect(box.value).toBe(""));
    const unsent = await screen.findAllByTestId("unsent-message");
    expect(unsent.at(-1)?.textContent).toContain("Bank confirms the card");
    expect(unsent.at(-1)?.textContent).toContain("bank-letter.pdf");

    await fireEvent.click(screen.getByTestId("mode-reply"));
    expect((screen.getByTestId("reply-body") as HTMLTextAreaElement).value).toBe("Half a reply");
  });
});
