import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import type { FakeBackend } from "../../backend/fake";
import { fakeDesk } from "../../backend/testing";
import type { DeskState } from "../../stores/desk.svelte";
import Sidebar from "./Sidebar.svelte";

// jsdom has no <dialog> methods.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.open = false;
  this.dispatchEvent(new Event("close"));
};

describe("Sidebar views", () => {
  let fake: FakeBackend;
  let desk: DeskState;

  beforeEach(async () => {
    ({ fake, desk } = await fakeDesk());
  });

  it("groups the built-in views with live counts and switches between them", async () => {
    render(Sidebar, { props: { desk } });
    for (const group of ["Inbox", "Needs attention", "Casework", "Everything"]) {
      expect(screen.getByText(group)).toBeTruthy();
    }
    const chargebacks = screen.getByTestId("view-chargebacks");
    expect(chargebacks.textContent).toContain("Chargebacks");
    await fireEvent.click(chargebacks);
    await waitFor(() => expect(desk.view).toEqual({ builtin: "chargebacks" }));
    expect(chargebacks.getAttribute("aria-current")).toBe("page");
    expect(desk.tickets.every((t) => t.kind === "card_chargeback")).toBe(true);
  });

  it("saves a filter as a named view, shows it with its count, and deletes it", async () => {
    render(Sidebar, { props: { desk } });
    await fireEvent.click(screen.getByTestId("new-view"));
    const editor = screen.getByTestId("view-editor");
    await fireEvent.input(within(editor).getByTestId("view-name"), { target: { value: "Open chargebacks" } });
    await fireEvent.click(within(editor).getByLabelText("Open"));
    await fireEvent.click(within(editor).getByText("Save view"));

    await waitFor(() => expect(screen.queryByTestId("view-editor")).toBeNull());
    const saved = await screen.findByTestId("saved-view");
    expect(saved.textContent).toContain("Open chargebacks");
    expect(desk.view).toEqual({ saved: fake.savedViews_[0].id });
    expect(fake.savedViews_[0].filter.statuses).toEqual(["open"]);
    expect(desk.tickets.every((t) => t.status === "open")).toBe(true);
    expect(saved.textContent).toContain(String(desk.tickets.length));

    await fireEvent.click(screen.getByLabelText("Edit view Open chargebacks"));
    await fireEvent.click(screen.getByTestId("delete-view"));
    await waitFor(() => expect(screen.queryByTestId("saved-view")).toBeNull());
    expect(desk.view).toEqual({ builtin: "mine" });
  });

  it("refuses a view without a name and says why", async () => {
    render(Sidebar, { props: { desk } });
    await fireEvent.click(screen.getByTestId("new-view"));
    const editor = screen.getByTestId("view-editor");
    await fireEvent.input(within(editor).getByTestId("view-name"), { target: { value: "   " } });
    await fireEvent.submit(editor.querySelector("form")!);
    expect((await within(editor).findByRole("alert")).textContent).toContain("name");
  });
});
