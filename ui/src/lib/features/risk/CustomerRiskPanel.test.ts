import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeDesk } from "../../backend/testing";
import type { FakeBackend } from "../../backend/fake";
import type { DeskState } from "../../stores/desk.svelte";
import Workspace from "../workspace/Workspace.svelte";

describe("Customer risk", () => {
  let desk: DeskState;
  let fake: FakeBackend;

  beforeEach(async () => {
    localStorage.clear();
    ({ desk, fake } = await fakeDesk());
    await desk.open(100001);
    render(Workspace, { props: { desk } });
    await fireEvent.click(screen.getByTestId("tab-risk"));
  });

  it("shows the score, its band and each rule that fired, in words", async () => {
    expect((await screen.findByTestId("risk-band")).dataset.band).toBe("block_and_review");
    expect(screen.getByTestId("risk-band").textContent).toBe("Block and review");
    expect(screen.getByTestId("risk-score").textContent).toBe("Risk score 65");
    const findings = screen.getAllByTestId("risk-finding");
    expect(findings.map((f) => f.dataset.rule)).toEqual(["2", "4"]);
    expect(findings[0].textContent).toContain("Password changed (from NG), then a withdrawal of 36,400 USD");
  });

  it("highlights the events behind a finding in the timeline, and filters it", async () => {
    await screen.findAllByTestId("risk-event");
    expect(screen.getAllByTestId("risk-event")).toHaveLength(5);
    const flagged = screen.getAllByTestId("risk-event").filter((e) => e.classList.contains("flagged"));
    expect(flagged.map((e) => e.dataset.eventId)).toEqual(["905", "904", "902"]);
    expect(flagged[0].textContent).toContain("rule 2");

    await fireEvent.click(within(screen.getAllByTestId("risk-finding")[0]).getByTestId("risk-show-events"));
    expect(screen.getAllByTestId("risk-event").map((e) => e.dataset.eventId)).toEqual(["905", "904"]);
    await fireEvent.click(within(screen.getAllByTestId("risk-finding")[0]).getByTestId("risk-show-events"));
    expect(screen.getAllByTestId("risk-event")).toHaveLength(5);

    await fireEvent.click(screen.getByTestId("risk-filter-login"));
    expect(screen.getAllByTestId("risk-event").map((e) => e.dataset.eventId)).toEqual(["903", "901"]);
    await fireEvent.click(screen.getByTestId("risk-filter-all"));
    await fireEvent.click(screen.getByTestId("risk-only-flagged"));
    await waitFor(() => expect(screen.getAllByTestId("risk-event")).toHaveLength(3));
  });

  it("draws the linked accounts and says what each shares", async () => {
    const graph = await screen.findByTestId("risk-graph");
    await waitFor(() => expect(screen.getByTestId("risk-links-status").dataset.checked).toBe("yes"));
    await waitFor(() => expect(graph.dataset.nodes).toBe("3")); // the customer and two linked accounts
    expect(graph.getAttribute("aria-label")).toContain("Linked accounts");
    expect(screen.getByTestId("risk-links").textContent).toContain("Shares a card (··4242) with Maria Lopez");
    // A linked account leads to what the desk holds of them.
    await fireEvent.click(screen.getByTestId("risk-open-linked"));
    expect(desk.searchText).toBe("UID 77001234");
  });

  it("sums the risk up in the customer panel, and leads to the tab", async () => {
    const summary = await screen.findByTestId("risk-summary");
    expect(screen.getByTestId("risk-summary-band").dataset.band).toBe("block_and_review");
    expect(summary.textContent).toContain("Rules fired: 2, 4");
    // Once the company API has told of the account outside the queues, the panel shows it too.
    await waitFor(() => expect(screen.getByTestId("risk-summary-linked").textContent).toBe("2 linked accounts"));
    expect(summary.textContent).toContain("Maria Lopez · card");
    expect(summary.textContent).toContain("Ivan Petrov · wallet · outside your queues");
    await fireEvent.click(screen.getByTestId("tab-conversation"));
    expect(screen.queryByTestId("risk-panel")).toBeNull();
    await fireEvent.click(screen.getByTestId("risk-summary-open"));
    expect(screen.getByTestId("tab-risk").getAttribute("aria-selected")).toBe("true");
    expect(await screen.findByTestId("risk-panel")).toBeTruthy();
  });

  it("asks the company API once for accounts outside the agent's queues, and shows them apart", async () => {
    await waitFor(() => expect(screen.getByTestId("risk-links-status").textContent).toContain("Includes accounts outside your queues"));
    // Once for the customer shown, though the ticket screen was read again after it.
    expect(fake.linksAsked).toEqual([7]);
    expect(screen.getByTestId("risk-links").textContent).toContain("Shares a withdrawal wallet (BTC on Bitcoin) with Ivan Petrov");
    // Not a link into tickets the desk cannot hold.
    expect(screen.getByTestId("risk-outside-linked").textContent).toBe("Ivan Petrov UID 55012345 · outside your queues");
    expect(screen.getAllByTestId("risk-open-linked")).toHaveLength(1);
    await waitFor(() => expect(screen.getByTestId("risk-graph").dataset.outside).toBe("1"));
    expect(screen.getAllByTestId("risk-finding")[1].textContent).toContain("Shares a withdrawal wallet (BTC on Bitcoin) with 1 other account; a card ··4242");
  });

  it("reports the account to compliance, prefilled from the findings: a draft, then sent", async () => {
    const narrative = (await screen.findByTestId("sar-narrative")) as HTMLTextAreaElement;
    await waitFor(() => expect(screen.getByTestId("risk-links-status").dataset.checked).toBe("yes"));
    expect(narrative.value).toContain("risk score 65 (Block and review)");
    expect(narrative.value).toContain("Security change then withdrawal (account takeover): Password changed (from NG)");
    await fireEvent.click(screen.getByTestId("sar-save"));
    await waitFor(() => expect(screen.getByTestId("sar-note").textContent).toContain("Queued"));
    const saved = fake.queue.find((q) => q.action.type === "file_sar")!.action;
    expect(saved).toMatchObject({ sar_id: null, submit: false, create: { subject_customer_id: 7, rules_fired: [2, 4], activity_event_ids: [904, 905, 902], linked_customer_ids: [99, 501] } });
    fake.deliver();
    await desk.refresh([100001]);
    await waitFor(() => expect(screen.getByTestId("sar-item").dataset.status).toBe("draft"));

    // The draft is edited and sent.
    await fireEvent.input(screen.getByTestId("sar-narrative"), { target: { value: "The customer's 2FA was changed from Nigeria, then 36,400 USD left to a new address." } });
    await fireEvent.click(screen.getByTestId("sar-submit"));
    await waitFor(() => expect(fake.queue.filter((q) => q.action.type === "file_sar")).toHaveLength(2));
    const sent = fake.queue.filter((q) => q.action.type === "file_sar")[1].action;
    expect(sent).toMatchObject({ sar_id: 700, submit: true, update: { narrative: "The customer's 2FA was changed from Nigeria, then 36,400 USD left to a new address." } });
    fake.deliver();
    await desk.refresh([100001]);
    await waitFor(() => expect(screen.getByTestId("sar-item").dataset.status).toBe("submitted"));
    expect(screen.queryByTestId("sar-form")).toBeNull();
  });

  it("needs a narrative before anything goes to compliance", async () => {
    await fireEvent.input(await screen.findByTestId("sar-narrative"), { target: { value: "short" } });
    await fireEvent.click(screen.getByTestId("sar-submit"));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("Write the narrative"));
    expect(fake.queue.some((q) => q.action.type === "file_sar")).toBe(false);
  });

  it("sends a report again after a failure with the same key, so it is filed once", async () => {
    const filed = vi.spyOn(fake, "fileSar").mockRejectedValueOnce(new Error("disk full"));
    await screen.findByTestId("sar-narrative");
    await fireEvent.click(screen.getByTestId("sar-save"));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("disk full"));
    await fireEvent.click(screen.getByTestId("sar-save"));
    await waitFor(() => expect(screen.getByTestId("sar-note").textContent).toContain("Queued"));
    expect(filed.mock.calls).toHaveLength(2);
    expect(filed.mock.calls[1][4]).toBe(filed.mock.calls[0][4]);
  });
});

describe("Customer risk, offline", () => {
  it("says outside accounts are not included until the company API answers, then includes them", async () => {
    localStorage.clear();
    const { desk, fake } = await fakeDesk();
    fake.linksOffline = true;
    await desk.open(100001);
    render(Workspace, { props: { desk } });
    await fireEvent.click(screen.getByTestId("tab-risk"));
    await waitFor(() => expect(screen.getByTestId("risk-links-status").textContent).toContain("Only accounts in your queues"));
    expect(screen.getByTestId("risk-links-status").textContent).toContain("the server could not be reached: connection refused");
    expect(screen.queryByTestId("risk-outside-linked")).toBeNull();
    expect(screen.getAllByTestId("risk-finding")[1].textContent).toContain("Shares a card ··4242 with 1 other account");

    fake.linksOffline = false;
    await fireEvent.click(screen.getByTestId("risk-links-check"));
    await waitFor(() => expect(screen.getByTestId("risk-outside-linked").textContent).toContain("Ivan Petrov"));
    expect(screen.getByTestId("risk-links-status").dataset.checked).toBe("yes");

    // Later offline again: what was learnt stays, with when.
    fake.linksOffline = true;
    await fireEvent.click(screen.getByTestId("risk-links-check"));
    await waitFor(() => expect(screen.getByTestId("risk-links-status").textContent).toContain("cannot be reached now"));
    expect(screen.getByTestId("risk-outside-linked")).toBeTruthy();
  });
});
