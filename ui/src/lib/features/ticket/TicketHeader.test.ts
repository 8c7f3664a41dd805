import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { FakeBackend, sampleData } from "../../backend/fake";
import TicketHeader from "./TicketHeader.svelte";

describe("the ticket header", () => {
  it("warns, as a note, that a customer who only typed their address is not verified", async () => {
    const view = await new FakeBackend(sampleData()).ticket(100001);
    const { unmount } = render(TicketHeader, { props: { view } });
    expect(screen.queryByTestId("sender-unverified")).toBeNull();
    unmount();
    render(TicketHeader, { props: { view: { ...view, sender_unverified: true } } });
    const note = screen.getByRole("note");
    expect(note.textContent).toContain("Identity not verified.");
    expect(note.textContent).toContain("Do not discuss the account");
  });
});
