import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import { fakeDesk } from "../../backend/testing";
import type { DeskState } from "../../stores/desk.svelte";
import TicketList from "./TicketList.svelte";

describe("TicketList search", () => {
  let desk: DeskState;

  beforeEach(async () => {
    ({ desk } = await fakeDesk());
  });

  it("shows hits with the words highlighted and opens the ticket", async () => {
    render(TicketList, { props: { desk } });
    const input = screen.getByTestId("search-input");
    await fireEvent.input(input, { target: { value: "charged twice" } });
    const hits = await screen.findAllByTestId("search-hit");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((hit) => hit.querySelectorAll("mark").length >= 2)).toBe(true);
    await fireEvent.click(hits[0].querySelector("button")!);
    await waitFor(() => expect(desk.ticket).not.toBeNull());
  });

  it("explains when the text has nothing to search for, and Escape leaves the search", async () => {
    render(TicketList, { props: { desk } });
    const input = screen.getByTestId("search-input");
    await fireEvent.input(input, { target: { value: '"*(' } });
    expect(await screen.findByText(/letters or numbers/)).toBeTruthy();
    await fireEvent.keyDown(input, { key: "Escape" });
    await waitFor(() => expect(screen.getByTestId("ticket-list")).toBeTruthy());
    expect(desk.searchText).toBe("");
  });

  it("keeps only the answer to the latest keystroke", async () => {
    await Promise.all([desk.search("charg"), desk.search("zzz-nothing")]);
    expect(desk.searchResults?.hits).toHaveLength(0);
  });
});
