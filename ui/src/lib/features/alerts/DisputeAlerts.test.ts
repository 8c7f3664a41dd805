import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeDesk } from "../../backend/testing";
import type { FakeBackend } from "../../backend/fake";
import type { DisputeAlert } from "../../bindings";
import { i18n } from "../../i18n/index.svelte";
import Workspace from "../workspace/Workspace.svelte";
import { paletteCommands, type DeskControls } from "../shortcuts/commands";
import { ThemeState } from "../preferences/theme.svelte";
import { clockText, liveUrgency } from "./alerts";

async function open() {
  localStorage.clear();
  const { fake, desk } = await fakeDesk();
  render(Workspace, { props: { desk } });
  await fireEvent.click(screen.getByTestId("open-alerts"));
  await screen.findAllByTestId("alert-row");
  return { fake, desk };
}

const rowOf = (id: number) => document.querySelector<HTMLElement>(`[data-testid="alert-row"][data-alert="${id}"]`);
const ids = (list: string) => within(screen.getByTestId(list)).queryAllByTestId("alert-row").map((r) => Number(r.dataset.alert));

async function select(id: number) {
  await fireEvent.click(within(rowOf(id)!).getByTestId("alert-select"));
  return await waitFor(() => {
    const detail = screen.getByTestId("alert-detail");
    expect(detail.dataset.alert).toBe(String(id));
    return detail;
  });
}

const answers = (fake: FakeBackend) => fake.queue.filter((q) => q.action.type === "answer_alert");

describe("Pre-dispute alerts", () => {
  afterEach(() => i18n.set("system"));

  it("lists the open alerts soonest deadline first with their clocks, then the answered and missed", async () => {
    await open();
    expect(ids("alerts-open")).toEqual([301, 304, 303, 302]);
    expect(ids("alerts-closed")).toEqual([305, 306, 307]);

    const closing = within(rowOf(301)!).getByTestId("alert-clock");
    expect(closing.dataset.urgency).toBe("closing");
    expect(closing.textContent).toMatch(/Closing · (29|30) min left/);
    expect(closing.title).toMatch(/^Answer by /);
    const running = within(rowOf(302)!).getByTestId("alert-clock");
    expect(running.dataset.urgency).toBe("running");
    expect(running.textContent?.trim()).toMatch(/^6[12] h \d+ min left$/);

    const first = rowOf(301)!.textContent!;
    expect(first).toContain("Customer dispute");
    expect(first).toContain("Ethoca");
    expect(first).toContain("Maria Lopez");
    expect(first).toContain("€189.00");
    expect(first).toContain("Cardholder says the purchase was not authorised");
    expect(rowOf(302)!.textContent).toContain("Card •••• 4242, no customer found");
    expect(rowOf(304)!.textContent).toContain("Order insight");
    expect(rowOf(304)!.textContent).toContain("Verifi");

    // How each closed one ended: by whom, or missed.
    expect(rowOf(305)!.textContent).toContain("by Marcus Oyelaran");
    expect(rowOf(306)!.textContent).toContain("Refunded");
    expect(rowOf(306)!.textContent).toContain("by policy (auto-refund)");
    expect(within(rowOf(307)!).queryByTestId("alert-clock")).toBeNull();
    expect(rowOf(307)!.textContent).toContain("Missed");
    // The sidebar counts the open ones.
    expect(screen.getByTestId("alerts-count").textContent).toBe("4");
  });

  it("shows what alerts saved in the header", async () => {
    await open();
    const savings = screen.getByTestId("alert-savings");
    expect(within(savings).getByTestId("savings-prevented").textContent).toBe("2");
    expect(within(savings).getByTestId("savings-fees").textContent).toBe("$50.00");
    expect(within(savings).getByTestId("savings-refunded").textContent).toBe("$355.00");
    expect(within(savings).getByTestId("savings-auto").textContent).toBe("1");
    expect(within(savings).getByTestId("savings-missed").textContent).toBe("1");
    expect(within(savings).getByTestId("savings-open").textContent).toBe("4");
  });

  it("answers an open alert after a confirmation, queues it once however often it is clicked, then shows it answered", async () => {
    const { fake } = await open();
    const detail = await select(301);
    const outcomes = within(detail).getAllByTestId("alert-outcome") as HTMLInputElement[];
    expect(outcomes.map((o) => o.value)).toEqual(["refunded", "stopped", "previously_refunded", "already_charged_back", "not_resolved", "not_found"]);
    const answer = within(detail).getByTestId("alert-answer") as HTMLButtonElement;
    expect(answer.disabled).toBe(true);
    await fireEvent.click(outcomes[0]);
    await fireEvent.input(within(detail).getByTestId("alert-note"), { target: { value: "  Refunded after the customer's call.  " } });
    expect(answer.disabled).toBe(false);

    await fireEvent.click(answer);
    const confirm = await screen.findByTestId("alert-confirm");
    expect(detail.textContent).toContain("Send “Refunded”? Sent answers are final");
    expect(answers(fake)).toEqual([]);
    await Promise.all([fireEvent.click(confirm), fireEvent.click(confirm)]);
    await waitFor(() => expect(screen.getByTestId("alert-note-sent").textContent).toContain("Queued"));
    expect(answers(fake)).toHaveLength(1);
    expect(answers(fake)[0].action).toEqual({ type: "answer_alert", alert_id: 301, outcome: "refunded", note: "Refunded after the customer's call." });

    // On its way: said on the row and in the detail, and not answerable again.
    await waitFor(() => expect(within(rowOf(301)!).getByTestId("alert-queued").textContent).toBe("Answer on its way"));
    expect(screen.getByTestId("alert-waiting")).toBeTruthy();
    expect((screen.getByTestId("alert-answer") as HTMLButtonElement).disabled).toBe(true);
    await expect(fake.answerDisputeAlert(301, "not_resolved", "", "another-key")).rejects.toMatchObject({ text: { key: "error.alertAnswerQueued" } });

    fake.deliver();
    await waitFor(() => expect(ids("alerts-closed")).toContain(301));
    expect(ids("alerts-open")).toEqual([304, 303, 302]);
    const final = await screen.findByTestId("alert-final");
    expect(final.textContent).toContain("Refunded");
    expect(final.textContent).toContain("by Ava Chen");
    expect(final.textContent).toContain("$205.00 went back to the card.");
    expect(screen.queryByTestId("alert-answer")).toBeNull();
    expect(fake.alerts.find(301)?.version).toBe(2);
    expect(screen.getByTestId("savings-prevented").textContent).toBe("3");
    await waitFor(() => expect(screen.getByTestId("alerts-count").textContent).toBe("3"));
    // Final: the desk refuses a second answer.
    await expect(fake.answerDisputeAlert(301, "not_resolved", "", "late")).rejects.toMatchObject({ code: "invalid_input", text: { key: "error.alertAnswered" } });
  });

  it("shows a colleague's earlier answer as a refusal of ours, with the reason, until dismissed", async () => {
    const { fake } = await open();
    await select(302);
    await fireEvent.click(screen.getAllByTestId("alert-outcome").find((o) => (o as HTMLInputElement).value === "not_resolved")!);
    await fireEvent.click(screen.getByTestId("alert-answer"));
    await fireEvent.click(await screen.findByTestId("alert-confirm"));
    await waitFor(() => expect(answers(fake)).toHaveLength(1));
    const alert = fake.alerts.find(302)!;
    Object.assign(alert, {
      status: "answered",
      version: 2,
      answer: { outcome: "refunded", note: "", answered_by: 2, rule: null, answered_at: new Date().toISOString(), refund_usd_cents: alert.usd_cents },
    } satisfies Partial<DisputeAlert>);
    fake.deliver();
    const refused = await waitFor(() => within(rowOf(302)!).getByTestId("alert-refused"));
    expect(refused.textContent).toContain("Your answer was not sent: the alert was answered already (refunded); an answer sent is final");
    expect(rowOf(302)!.textContent).toContain("by Marcus Oyelaran");
    await fireEvent.click(within(refused).getByTestId("alert-dismiss"));
    await waitFor(() => expect(within(rowOf(302)!).queryByTestId("alert-refused")).toBeNull());
    expect(answers(fake)).toEqual([]);
  });

  it("cannot answer an expired alert, nor with an answer its programme does not take", async () => {
    const { fake } = await open();
    const detail = await select(307);
    expect(within(detail).getByTestId("alert-missed").textContent).toMatch(/^Missed: no answer by .+, so a chargeback is likely\.$/);
    expect(within(detail).queryByTestId("alert-answer")).toBeNull();
    expect(within(detail).queryByTestId("alert-outcome")).toBeNull();
    await expect(fake.answerDisputeAlert(307, "refunded", "", "k1")).rejects.toMatchObject({ code: "invalid_input", text: { key: "error.alertExpired" } });

    const insight = await select(304);
    expect((within(insight).getAllByTestId("alert-outcome") as HTMLInputElement[]).map((o) => o.value)).toEqual(["details_shared", "not_found"]);
    await expect(fake.answerDisputeAlert(304, "refunded", "", "k2")).rejects.toMatchObject({ text: { key: "error.alertOutcomeUnfit" } });
    await expect(fake.answerDisputeAlert(304, "details_shared", "x".repeat(2_001), "k3")).rejects.toMatchObject({ text: { key: "error.alertNoteTooLong", args: { max: 2_000 } } });
    expect(answers(fake)).toEqual([]);
  });

  it("offers to hold the withdrawals on a confirmed fraud whose crypto is still here, then shows them held", async () => {
    const { fake } = await open();
    const detail = await select(303);
    expect(within(detail).getByTestId("alert-crypto").dataset.state).toBe("in_account");
    expect(within(detail).getByTestId("alert-crypto").textContent).toBe("Still in the account: nothing was withdrawn since the payment.");
    expect(within(detail).getByTestId("alert-payment").textContent).toContain("74537606238000190543210");
    expect(within(detail).getByTestId("alert-payment").textContent).toContain("€500.00");
    expect(detail.textContent).toContain("Confirmed fraud and the crypto is still here: hold this account's withdrawals.");

    await fireEvent.click(within(detail).getByTestId("alert-hold"));
    await screen.findByTestId("alert-hold-sent");
    const held = fake.queue.filter((q) => q.action.type === "account_action");
    expect(held).toHaveLength(1);
    expect(held[0].action).toMatchObject({
      type: "account_action",
      customer_id: 7,
      ticket_id: null,
      request: { action: { kind: "hold_withdrawals" }, reason: "card_fraud", note: expect.stringContaining("ETH-7732010") },
    });

    fake.deliver();
    await waitFor(() => expect(screen.getByTestId("alert-held").textContent).toBe("Withdrawals are held."));
    expect(screen.queryByTestId("alert-hold")).toBeNull();
  });

  it("says where the crypto went when it is leaving or gone", async () => {
    const { fake } = await open();
    const withdrawal = (id: number, status: "pending" | "completed", usdCents: number) => ({
      id,
      customer_id: 7,
      at: new Date().toISOString(),
      session_id: null,
      detail: { type: "withdrawal" as const, asset: "BTC", quantity: "0.01", usd_cents: usdCents, address: "bc1qexample", network: "bitcoin", new_address: false, tx_hash: null, status },
    });
    fake.alerts.activity.get(7)!.push(withdrawal(9100, "pending", 300_00));
    await select(303);
    expect(screen.getByTestId("alert-crypto").textContent).toBe("Leaving: 1 withdrawal pending worth $300.00.");
    expect(screen.getByTestId("alert-hold")).toBeTruthy();

    fake.alerts.activity.get(7)!.push(withdrawal(9101, "completed", 80_00));
    await select(302);
    await select(303);
    expect(screen.getByTestId("alert-crypto").textContent).toBe("Left: $80.00 withdrawn since the payment; a refund now is money gone.");
    expect(screen.queryByTestId("alert-hold")).toBeNull();
  });

  it("says nothing in English in Chinese but data, brands and acronyms", async () => {
    await open();
    i18n.set("zh");
    await select(303);
    const KEPT = /^(Visa|Mastercard|ARN|USD|ID)$/;
    const english: string[] = [];
    const section = screen.getByTestId("alerts");
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('[translate="no"]')) continue;
      for (const word of node.textContent?.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []) if (!KEPT.test(word)) english.push(word);
    }
    expect(english).toEqual([]);
    expect(screen.getByTestId("open-alerts").textContent).toContain("争议前预警");
  });
});

describe("the command palette", () => {
  it("goes to the alerts", async () => {
    const { desk } = await fakeDesk();
    const controls: DeskControls = {
      desk,
      theme: new ThemeState({ storage: null, matchMedia: null, root: null }),
      togglePalette() {},
      openShortcuts() {},
      focusSearch() {},
      focusReply() {},
      askTeam() {},
    };
    const [first] = paletteCommands(controls, "alerts");
    expect(first.label).toBe("Go to Pre-dispute alerts");
    first.run();
    expect(desk.mode).toBe("alerts");
  });
});

describe("the alert clock", () => {
  const alert = { received_at: "2026-11-02T08:00:00Z", respond_by: "2026-11-05T08:00:00Z" } as DisputeAlert;
  const at = (iso: string) => new Date(iso);

  beforeEach(() => i18n.set("en"));
  afterEach(() => i18n.set("system"));

  it("says the time left to the minute, and the time over", () => {
    expect(clockText(alert.respond_by, at("2026-11-03T05:45:30Z"))).toBe("50 h 14 min left");
    expect(clockText(alert.respond_by, at("2026-11-05T07:20:00Z"))).toBe("40 min left");
    expect(clockText(alert.respond_by, at("2026-11-05T07:59:40Z"))).toBe("under a minute left");
    expect(clockText(alert.respond_by, at("2026-11-05T08:03:10Z"))).toBe("3 min over");
  });

  it("closes in the last quarter or the last hour, and is missed at the deadline", () => {
    expect(liveUrgency(alert, "running", at("2026-11-02T09:00:00Z"))).toBe("running");
    expect(liveUrgency(alert, "running", at("2026-11-04T14:00:00Z"))).toBe("closing");
    expect(liveUrgency(alert, "running", at("2026-11-05T08:00:00Z"))).toBe("missed");
    const insight = { received_at: "2026-11-02T08:00:00Z", respond_by: "2026-11-02T10:00:00Z" } as DisputeAlert;
    expect(liveUrgency(insight, "running", at("2026-11-02T08:30:00Z"))).toBe("running");
    expect(liveUrgency(insight, "running", at("2026-11-02T09:00:00Z"))).toBe("closing");
    expect(liveUrgency(alert, "done", at("2026-11-06T08:00:00Z"))).toBe("done");
  });
});
