import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import { useBackend } from "../../backend";
import { FakeBackend, sampleData } from "../../backend/fake";
import { DeskState } from "../../stores/desk.svelte";
import { shortcuts, SHORTCUTS_KEY } from "../shortcuts/shortcuts.svelte";
import { theme, THEME_KEY } from "../preferences/theme.svelte";
import Workspace from "./Workspace.svelte";

const PALETTE_INPUT = "Type a command, a ticket number or words to search for";

describe("Workspace keyboard", () => {
  let fake: FakeBackend;
  let desk: DeskState;

  beforeEach(async () => {
    localStorage.clear();
    shortcuts.load();
    fake = new FakeBackend(sampleData());
    useBackend(fake);
    desk = new DeskState();
    await desk.init();
  });

  const press = (init: KeyboardEventInit, target: Element = document.body) => fireEvent.keyDown(target, init);
  const palette = () => screen.queryByTestId("command-palette");
  const optionLabels = () => screen.getAllByTestId("palette-option").map((o) => o.querySelector(".label")?.textContent);

  it("shows a ticket opened after the workspace is on screen, on its conversation tab", async () => {
    render(Workspace, { props: { desk } });
    await desk.open(100001);
    expect((await screen.findByTestId("ticket-subject")).textContent).toBe("Card charged twice for one BTC purchase");
    await fireEvent.click(screen.getByTestId("tab-teams"));
    await desk.open(100003);
    await waitFor(() => expect(screen.getByTestId("ticket-subject").textContent).toBe("Chargeback notice: reason code 13.1"));
    expect(screen.getByTestId("tab-conversation").getAttribute("aria-selected")).toBe("true");
  });

  it("opens the ticket of a desktop notification the agent acted on, leaving a search", async () => {
    render(Workspace, { props: { desk } });
    await desk.search("withdrawal");
    fake.notificationClicked(100003);
    await waitFor(() => expect(screen.getByTestId("ticket-subject").textContent).toBe("Chargeback notice: reason code 13.1"));
    expect(desk.searchText).toBe("");
  });

  it("shows the ticket's SLA clocks: missed ones count up, a pending ticket's stand still", async () => {
    render(Workspace, { props: { desk } });
    await desk.open(100001);
    const clocks = async () =>
      (await screen.findAllByTestId("sla-clock")).map((c) => [c.dataset.state, c.textContent?.trim()]);
    await waitFor(async () => expect((await clocks())[0]).toEqual(["breached", "5 min over"]));
    await desk.open(100003);
    await waitFor(async () => expect((await clocks()).map((c) => c[0])).toEqual(["paused", "paused"]));
    expect((await clocks())[0][1]).toBe("paused (waiting on the customer)");
  });

  it("turns a missed clock prolonged at the instant the policy engine gave, without a reload", async () => {
    const view = fake.tickets.find((v) => v.ticket.id === 100001)!;
    const due = view.ticket.sla.first_response_due_at!;
    const at = (ms: number) => new Date(new Date(due).getTime() + ms).toISOString();
    // Missed 5 min ago; prolonged from 1 min ago (the engine: twice the target).
    view.sla_clocks = [{ kind: "first_response", due_at: due, at_risk_from: at(-30 * 60_000), prolonged_from: at(4 * 60_000) }];
    render(Workspace, { props: { desk } });
    await desk.open(100001);
    const first = async () => (await screen.findAllByTestId("sla-clock"))[0];
    await waitFor(async () => expect((await first()).dataset.state).toBe("prolonged"));
    expect((await first()).textContent?.trim()).toBe("5 min over · prolonged");
    // Before that instant it is only missed.
    view.sla_clocks = [{ kind: "first_response", due_at: due, at_risk_from: at(-30 * 60_000), prolonged_from: at(60 * 60_000) }];
    await desk.open(100003);
    await desk.open(100001);
    await waitFor(async () => expect((await first()).dataset.state).toBe("breached"));
  });

  it("do-not-disturb is a toggle in the sidebar strip, kept by the desk", async () => {
    render(Workspace, { props: { desk } });
    const toggle = screen.getByTestId("do-not-disturb");
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    await fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute("aria-pressed")).toBe("true"));
    expect(fake.dnd).toBe(true);
  });

  it("focuses the search with / even when the layout needs Shift for it", async () => {
    render(Workspace, { props: { desk } });
    await press({ key: "/", code: "Digit7", shiftKey: true });
    expect(document.activeElement).toBe(screen.getByTestId("search-input"));
  });

  it("moves through the list with j and k, and not while typing", async () => {
    render(Workspace, { props: { desk } });
    await press({ key: "j" });
    await waitFor(() => expect(desk.selectedId).toBe(100001));
    await press({ key: "ArrowDown" });
    await waitFor(() => expect(desk.selectedId).toBe(100003));
    await press({ key: "k" }, screen.getByTestId("search-input"));
    expect(desk.selectedId).toBe(100003);
  });

  it("goes to a view with g then a letter", async () => {
    render(Workspace, { props: { desk } });
    await press({ key: "g" });
    await press({ key: "u" });
    await waitFor(() => expect(desk.tickets.map((t) => t.id)).toEqual([100002]));
    await press({ key: "g" });
    await press({ key: "a" });
    await waitFor(() => expect(desk.tickets).toHaveLength(4));
  });

  it("opens the palette with Ctrl+K while typing, and Escape gives the focus back", async () => {
    render(Workspace, { props: { desk } });
    const search = screen.getByTestId("search-input");
    search.focus();
    await press({ key: "k", code: "KeyK", ctrlKey: true }, search);
    const dialog = await screen.findByRole("dialog", { name: "Command palette" });
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    const input = within(dialog).getByRole("combobox");
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute("aria-activedescendant")).toBe("palette-option-0");

    await press({ key: "Escape" }, input);
    await waitFor(() => expect(palette()).toBeNull());
    expect(document.activeElement).toBe(search);
  });

  it("filters the palette as the agent types and runs the highlighted command with Enter", async () => {
    render(Workspace, { props: { desk } });
    await press({ key: "k", ctrlKey: true });
    const input = await screen.findByRole("combobox", { name: PALETTE_INPUT });

    await fireEvent.input(input, { target: { value: "go unass" } });
    expect(optionLabels()[0]).toBe("Go to Unassigned");
    // Shows its keys.
    const first = screen.getAllByTestId("palette-option")[0];
    expect(within(first).getByTestId("key-combo").dataset.binding).toBe("g u");
    expect(first.getAttribute("aria-selected")).toBe("true");

    await fireEvent.input(input, { target: { value: "theme" } });
    expect(optionLabels()).toEqual(
      expect.arrayContaining(["Theme: Light", "Theme: Dark", "Theme: Follow the system"]),
    );
    const darkIndex = optionLabels().indexOf("Theme: Dark");
    for (let i = 0; i < darkIndex; i++) await press({ key: "ArrowDown" }, input);
    expect(input.getAttribute("aria-activedescendant")).toBe(`palette-option-${darkIndex}`);
    await press({ key: "Enter" }, input);

    await waitFor(() => expect(palette()).toBeNull());
    expect(theme.setting).toBe("dark");
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(localStorage.getItem(THEME_KEY)).toBe("dark");
    theme.set("light");
  });

  it("opens a ticket by number and searches for any other text", async () => {
    render(Workspace, { props: { desk } });
    await press({ key: "k", ctrlKey: true });
    let input = await screen.findByRole("combobox", { name: PALETTE_INPUT });
    await fireEvent.input(input, { target: { value: "#100003" } });
    expect(optionLabels()[0]).toBe("Open ticket #100003");
    await press({ key: "Enter" }, input);
    await waitFor(() => expect(desk.ticket?.ticket.id).toBe(100003));

    await press({ key: "k", ctrlKey: true });
    input = await screen.findByRole("combobox", { name: PALETTE_INPUT });
    await fireEvent.input(input, { target: { value: "charged twice" } });
    expect(optionLabels().at(-1)).toBe("Search for “charged twice”");
    await press({ key: "ArrowUp" }, input); // wraps round to the last row
    await press({ key: "Enter" }, input);
    await waitFor(() => expect(desk.searchText).toBe("charged twice"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("search-input")));
  });

  it("offers only a search when no command matches, and signs out", async () => {
    render(Workspace, { props: { desk } });
    await press({ key: "k", ctrlKey: true });
    const input = await screen.findByRole("combobox", { name: PALETTE_INPUT });
    await fireEvent.input(input, { target: { value: "zzqx" } });
    expect(optionLabels()).toEqual(["Search for “zzqx”"]);
    await fireEvent.input(input, { target: { value: "sign out" } });
    expect(optionLabels()[0]).toBe("Sign out");
    await press({ key: "Enter" }, input);
    await waitFor(() => expect(desk.session).toBeNull());
  });

  it("rebinds a shortcut from the cheat sheet, after saying which action had the keys", async () => {
    render(Workspace, { props: { desk } });
    await press({ key: "?", shiftKey: true });
    const sheet = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    for (const group of ["Tickets", "Views", "General"]) {
      expect(within(sheet).getByRole("heading", { name: group })).toBeTruthy();
    }

    await fireEvent.click(within(sheet).getByRole("button", { name: "Change keys for Reply to the customer" }));
    const recorder = within(sheet).getByTestId("key-recorder");
    expect(document.activeElement).toBe(recorder);
    await press({ key: "g" }, recorder);
    await press({ key: "m" }, recorder);

    const conflict = await within(sheet).findByTestId("shortcut-conflict");
    expect(conflict.textContent).toContain("g then m is already used by “Go to My open tickets”");
    await fireEvent.click(within(conflict).getByRole("button", { name: /Keep the current keys/ }));
    expect(shortcuts.bindingsOf("focus-reply")).toEqual(["r"]);

    await fireEvent.click(within(sheet).getByRole("button", { name: "Change keys for Reply to the customer" }));
    await press({ key: "e", ctrlKey: true }, within(sheet).getByTestId("key-recorder"));
    await waitFor(() => expect(shortcuts.bindingsOf("focus-reply")).toEqual(["Mod+e"]));
    expect(JSON.parse(localStorage.getItem(SHORTCUTS_KEY)!)).toEqual({ "focus-reply": ["Mod+e"] });
    const row = sheet.querySelector('[data-shortcut="focus-reply"]') as HTMLElement;
    expect(within(row).getByTestId("key-combo").dataset.binding).toBe("Mod+e");
    expect(document.activeElement).toBe(within(row).getByRole("button", { name: "Change keys for Reply to the customer" }));

    await fireEvent.click(within(row).getByRole("button", { name: /Reset Reply to the customer/ }));
    expect(shortcuts.bindingsOf("focus-reply")).toEqual(["r"]);
    expect(localStorage.getItem(SHORTCUTS_KEY)).toBeNull();
  });

  it("takes keys over from another shortcut when the agent says so, and they work at once", async () => {
    render(Workspace, { props: { desk } });
    await fireEvent.click(screen.getByTestId("open-shortcuts"));
    const sheet = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    await fireEvent.click(within(sheet).getByRole("button", { name: "Change keys for Go to Unassigned" }));
    // A single plain key waits briefly for a possible second one.
    await press({ key: "j" }, within(sheet).getByTestId("key-recorder"));
    const conflict = await within(sheet).findByTestId("shortcut-conflict", {}, { timeout: 2000 });
    expect(conflict.textContent).toContain("“Next ticket”");
    await fireEvent.click(within(conflict).getByRole("button", { name: /Use it for/ }));
    expect(shortcuts.bindingsOf("go-unassigned")).toEqual(["j"]);
    expect(shortcuts.bindingsOf("next-ticket")).toEqual(["ArrowDown"]);

    await press({ key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await press({ key: "j" });
    await waitFor(() => expect(desk.tickets.map((t) => t.id)).toEqual([100002]));
  });

  it("Escape while recording cancels the recording, not the cheat sheet", async () => {
    render(Workspace, { props: { desk } });
    await press({ key: "?" });
    const sheet = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    await fireEvent.click(within(sheet).getByRole("button", { name: "Change keys for Sync now" }));
    await press({ key: "Escape" }, within(sheet).getByTestId("key-recorder"));
    expect(screen.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeTruthy();
    expect(within(sheet).queryByTestId("key-recorder")).toBeNull();
    expect(shortcuts.bindingsOf("sync-now")).toEqual(["Mod+Shift+s"]);
  });
});
