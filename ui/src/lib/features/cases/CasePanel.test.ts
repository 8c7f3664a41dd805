import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import { fakeDesk } from "../../backend/testing";
import type { FakeBackend } from "../../backend/fake";
import type { DeskState } from "../../stores/desk.svelte";
import Workspace from "../workspace/Workspace.svelte";
import type { Element, Verdict } from "../../bindings";
import { msg } from "../../backend/fakeMessages";

describe("Casework on a chargeback ticket", () => {
  let fake: FakeBackend;
  let desk: DeskState;

  beforeEach(async () => {
    localStorage.clear();
    ({ fake, desk } = await fakeDesk());
    await desk.open(100001);
    render(Workspace, { props: { desk } });
    await fireEvent.click(screen.getByTestId("tab-case"));
  });

  /** Opens a Visa 13.1 case filed `daysAgo` days ago, and lets the server have it. */
  async function openCase(daysAgo = 3) {
    const filed = new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    await fireEvent.input(await screen.findByTestId("case-amount"), { target: { value: "1250.00" } });
    await fireEvent.change(screen.getByTestId("case-currency"), { target: { value: "EUR" } });
    await fireEvent.change(screen.getByTestId("case-code"), { target: { value: "13.1" } });
    await fireEvent.input(screen.getByTestId("case-last4"), { target: { value: "4242" } });
    await fireEvent.input(screen.getByTestId("case-transaction-date"), { target: { value: "2026-10-20" } });
    await fireEvent.input(screen.getByTestId("case-filed"), { target: { value: filed } });
    await fireEvent.input(screen.getByTestId("case-summary"), { target: { value: "BTC bought by card never arrived, says the cardholder." } });
    await fireEvent.submit(screen.getByTestId("case-open-form"));
    await screen.findByTestId("case-opening");
    fake.deliver();
    await desk.refresh([100001]);
    return screen.findByTestId("case-title");
  }

  it("opens a chargeback case: queued first, then its lifecycle and checklist", async () => {
    const created = fake.queue.find((q) => q.action.type === "create_case");
    expect(created).toBeUndefined();
    const title = await openCase();
    const action = fake.queue.find((q) => q.action.type === "create_case")!.action;
    expect(action).toMatchObject({ ticket_id: 100001, case: { kind: "chargeback", amount_minor: 125000, currency: "EUR", card: { network: "visa", reason_code: "13.1" } } });
    expect(title.textContent).toContain("Chargeback");
    expect(screen.getByTestId("case-stages").textContent).toContain("Chargeback");
    expect(screen.getByTestId("case-urgency").dataset.urgency).toBe("on_track");
    expect(screen.getByTestId("case-urgency").textContent).toContain("Respond by");
    const items = screen.getAllByTestId("checklist-item");
    expect(items.map((i) => i.dataset.key)).toEqual(["crypto_credited", "crypto_used", "customer_communication"]);
    // Only the moves the network allows: the response, or accepting the loss.
    expect(screen.getAllByTestId("case-move").map((b) => b.dataset.stage)).toEqual(["representment", "lost"]);
    expect(screen.getByTestId("trail-event").dataset.action).toBe("created");
  });

  it("shows at a glance whether the card's history qualifies the case for CE 3.0, and what is missing", async () => {
    await openCase();
    const caseId = [...fake.cases.cases.keys()].at(-1)!;
    const payment = (id: number, on: string) => ({
      event_id: id,
      arn: `7401234500000000000${id}`.slice(0, 23),
      processed_on: on,
      usd_cents: 12_000,
      three_ds: "frictionless" as const,
      device: "iPhone 15, iOS 18",
      ip: "11.0.4.10",
    });
    const prior = (id: number, on: string, days: number, verdict: Verdict, elements: Element[]) => ({
      prior: { event_id: id, processed_on: on, days_before: days, usd_cents: 12_000, elements, verdict },
      payment: payment(id, on),
    });
    fake.cases.compelling.set(caseId, {
      programme: "visa_ce3",
      qualifies: true,
      history_matches: true,
      headline: msg("ce.qualifies", { programme: msg("ce.programme.visaCe3"), count: 2 }),
      missing: [],
      disputed: payment(9, "2026-10-20"),
      priors: [
        prior(7, "2026-06-01", 141, "qualifies", ["account", "ip", "device", "address"]),
        prior(5, "2026-03-02", 232, "qualifies", ["account", "device", "address"]),
        prior(3, "2025-09-01", 414, "too_old", ["account", "ip", "device", "address"]),
      ],
    });
    await desk.refresh([100001]);
    const section = await screen.findByTestId("case-ce");
    expect(section.dataset.state).toBe("yes");
    expect(screen.getByTestId("ce-headline").textContent).toContain("Qualifies for Visa Compelling Evidence 3.0: 2 earlier undisputed payments");
    expect(screen.getByTestId("ce-disputed").textContent).toContain("ARN 74012345000000000009");
    expect(screen.getAllByTestId("ce-prior").map((r) => r.dataset.verdict)).toEqual(["qualifies", "qualifies", "too_old"]);
    expect(screen.getAllByTestId("ce-prior")[1].textContent).toContain("device");
    expect(screen.queryByTestId("ce-missing")).toBeNull();

    fake.cases.compelling.set(caseId, {
      programme: "visa_ce3",
      qualifies: false,
      history_matches: false,
      headline: msg("ce.doesNotQualify", { programme: msg("ce.programme.visaCe3") }),
      missing: [msg("ce.missing.tooFew", { count: 1, needed: 2 }), msg("ce.missing.nearNoDevice", { count: 2 })],
      disputed: payment(9, "2026-10-20"),
      priors: [prior(7, "2026-06-01", 141, "qualifies", ["account", "ip"]), prior(6, "2026-05-01", 172, "no_device_or_ip", ["account", "address"])],
    });
    await desk.refresh([100001]);
    await waitFor(() => expect(screen.getByTestId("case-ce").dataset.state).toBe("no"));
    expect(screen.getByTestId("ce-missing").textContent).toContain("1 earlier payment qualifies; 2 are needed.");
    expect(screen.getByTestId("ce-missing").textContent).toContain("2 payments in the window match on the account and address but not the IP or device.");
  });

  it("advises representing or accepting, with the history behind it", async () => {
    await openCase();
    const caseId = [...fake.cases.cases.keys()].at(-1)!;
    const history = { won: 2, lost: 8, accepted: 4, recovered_usd_cents: 0 };
    fake.cases.advice.set(caseId, {
      recommendation: { advice: "accept", basis: "not_worth_it", history, win_rate: 0.2, expected_usd_cents: -500, cost_usd_cents: 2_500 },
      text: msg("advice.notWorthIt", { network: "Visa", code: "13.1", won: 2, decided: 10, rate: 20, accepted: 4, amount: "100.00 USD", expected: "0.00 USD", cost: "25.00 USD" }),
    });
    await desk.refresh([100001]);
    const advice = await screen.findByTestId("case-advice");
    expect(advice.dataset.advice).toBe("accept");
    expect(advice.textContent).toContain("Accept");
    expect(advice.textContent).toContain("won 2 of 10 times (20 %)");
  });

  it("flags a case whose response is due within 48 hours", async () => {
    await openCase(24); // Visa: 30 days, answered 5 days before: due tomorrow
    expect(screen.getByTestId("case-urgency").dataset.urgency).toBe("at_risk");
  });

  it("quotes the customer's message as evidence for its checklist item, shown pending, then answered", async () => {
    await openCase();
    const item = screen.getAllByTestId("checklist-item").find((i) => i.dataset.key === "customer_communication")!;
    await fireEvent.click(within(item).getByTestId("checklist-add"));
    const message = fake.tickets.find((v) => v.ticket.id === 100001)!.messages[0];
    await fireEvent.change(screen.getByTestId("evidence-message"), { target: { value: String(message.id) } });
    expect((screen.getByTestId("evidence-title") as HTMLInputElement).value).toContain(message.author_name);
    expect((screen.getByTestId("evidence-text") as HTMLTextAreaElement).value).toBe(message.text);
    await fireEvent.submit(screen.getByTestId("evidence-form"));
    await waitFor(() => expect(screen.getByTestId("case-evidence").textContent).toContain("waiting to send"));
    const queued = fake.queue.find((q) => q.action.type === "add_evidence")!.action;
    expect(queued).toMatchObject({ evidence: { kind: "message", reference_id: message.id, checklist: ["customer_communication"] } });

    fake.deliver();
    await desk.refresh([100001]);
    await waitFor(() => {
      const done = screen.getAllByTestId("checklist-item").find((i) => i.dataset.key === "customer_communication")!;
      expect(done.textContent).toContain("1 piece of evidence");
    });
    expect(screen.getAllByTestId("trail-event").map((e) => e.dataset.action)).toEqual(["created", "evidence_added"]);
  });

  it("decides, moves the stage, then records the outcome and closes", async () => {
    await openCase();
    await fireEvent.click(screen.getByTestId("case-decide-represent"));
    await waitFor(() => expect(screen.getByTestId("case-decide-represent").getAttribute("aria-pressed")).toBe("true"));
    const move = screen.getAllByTestId("case-move").find((b) => b.dataset.stage === "representment")!;
    await fireEvent.click(move);
    await waitFor(() => expect(screen.getByTestId("case-stages").querySelector('[aria-current="step"]')?.textContent?.trim()).toBe("Representment"));
    fake.deliver();
    await desk.refresh([100001]);
    await waitFor(() => expect(screen.getAllByTestId("case-move").map((b) => b.dataset.stage)).toEqual(["pre_arbitration", "won", "lost"]));

    await fireEvent.change(screen.getByTestId("case-outcome"), { target: { value: "represented_won" } });
    await fireEvent.input(screen.getByTestId("case-recovered"), { target: { value: "1358.70" } });
    await fireEvent.submit(screen.getByTestId("case-close-form"));
    fake.deliver();
    await desk.refresh([100001]);
    await waitFor(() => expect(screen.getByTestId("case-outcome-shown").textContent).toContain("Represented: won"));
    expect(screen.getByTestId("case-status").textContent).toBe("Closed");
    expect(screen.getByTestId("case-urgency").dataset.urgency).toBe("decided");
    expect(screen.getByTestId("case-outcome-shown").textContent).toContain("$1,358.70");
    const close = fake.queue.filter((q) => q.action.type === "update_case").at(-1)!.action;
    expect(close).toMatchObject({ update: { outcome: "represented_won", status: "closed", stage: "won", recovered_usd_cents: 135870 } });
    expect(screen.getAllByTestId("trail-event").map((e) => e.dataset.action)).toEqual(["created", "decided", "stage_changed", "outcome_recorded"]);
  });

  it("explains what it refuses", async () => {
    await fireEvent.input(await screen.findByTestId("case-amount"), { target: { value: "10" } });
    await fireEvent.change(screen.getByTestId("case-code"), { target: { value: "13.1" } });
    await fireEvent.input(screen.getByTestId("case-last4"), { target: { value: "42" } });
    await fireEvent.input(screen.getByTestId("case-summary"), { target: { value: "x" } });
    await fireEvent.submit(screen.getByTestId("case-open-form"));
    await waitFor(() => expect(screen.getByTestId("case-error").textContent).toBe("The card's last four digits are four digits."));
  });

  it("writes the report from a draft of the facts, saves a copy where asked, and stores it", async () => {
    await openCase();
    await fireEvent.click(screen.getByTestId("case-decide-represent"));
    fake.deliver();
    await desk.refresh([100001]);
    await waitFor(() => expect((screen.getByTestId("report-analysis") as HTMLTextAreaElement).value).toContain("Evidence checklist: 0 of 3 items answered."));
    const analysis = screen.getByTestId("report-analysis") as HTMLTextAreaElement;
    expect(analysis.value).toContain("Missing: Proof the crypto bought was credited");

    // The save dialog closed without a choice: nothing is written.
    await fireEvent.click(screen.getByTestId("report-save-copy"));
    fake.reportCopyPath = null;
    await fireEvent.submit(screen.getByTestId("report-form"));
    await waitFor(() => expect(screen.getByTestId("report-note").textContent).toContain("No copy saved"));
    expect(fake.reports).toHaveLength(0);

    fake.reportCopyPath = "/home/agent/Reports/case-report.pdf";
    await fireEvent.input(analysis, { target: { value: "The BTC was credited and withdrawn by the customer." } });
    await fireEvent.submit(screen.getByTestId("report-form"));
    await waitFor(() => expect(screen.getAllByTestId("report-note")[0].textContent).toContain("Report written: case-"));
    expect(screen.getAllByTestId("report-note")[1].textContent).toBe("Copy saved to /home/agent/Reports/case-report.pdf");
    expect(fake.reports).toEqual([{ caseId: expect.any(Number), analysis: "The BTC was credited and withdrawn by the customer.", saveCopyTo: "/home/agent/Reports/case-report.pdf" }]);
    await waitFor(() => expect(screen.getByTestId("case-documents").textContent).toContain("waiting to upload"));

    fake.deliver();
    await desk.refresh([100001]);
    await waitFor(() => expect(screen.getAllByTestId("case-document").map((d) => d.textContent)).toEqual([
      expect.stringContaining(".md"),
      expect.stringContaining(".pdf"),
    ]));
    expect(screen.getByTestId("case-documents").textContent).toContain("In the document store");
  });

  it("attaches a file as evidence: it goes to the document store on the case", async () => {
    await openCase();
    const item = screen.getAllByTestId("checklist-item").find((i) => i.dataset.key === "crypto_used")!;
    await fireEvent.click(within(item).getByTestId("checklist-add"));
    await fireEvent.change(screen.getByTestId("evidence-kind"), { target: { value: "file" } });
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], "wallet statement.png", { type: "image/png" });
    await fireEvent.change(screen.getByTestId("evidence-file"), { target: { files: [file] } });
    expect((screen.getByTestId("evidence-title") as HTMLInputElement).value).toBe("wallet statement.png");
    await fireEvent.submit(screen.getByTestId("evidence-form"));
    await waitFor(() => expect(fake.attached).toHaveLength(1));
    expect(fake.attached[0]).toEqual({ name: "wallet statement.png", content_type: "image/png", content_base64: "iVBORwECAw==" });
    const queued = fake.queue.find((q) => q.action.type === "add_evidence")!.action;
    expect(queued).toMatchObject({ evidence: { kind: "file", checklist: ["crypto_used"] } });
    fake.deliver();
    await desk.refresh([100001]);
    await waitFor(() => expect(screen.getByTestId("case-documents").textContent).toContain("wallet statement.png"));
    expect(screen.getByTestId("case-evidence").textContent).toContain("in the document store");
  });
});
