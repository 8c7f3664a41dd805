import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { fakeDesk } from "../../backend/testing";
import type { FakeBackend } from "../../backend/fake";
import type { ActivityEvent } from "../../bindings";
import Workspace from "../workspace/Workspace.svelte";

function withdrawal(id: number, customerId: number, status: "pending" | "held" = "pending"): ActivityEvent {
  return {
    id,
    customer_id: customerId,
    at: "2026-12-06T04:10:00Z",
    session_id: null,
    detail: {
      type: "withdrawal",
      asset: "BTC",
      quantity: "0.400000",
      usd_cents: 3_640_000,
      address: "bc1qlookalike0000000000000000000000000000",
      network: "bitcoin",
      new_address: true,
      tx_hash: null,
      status,
    },
  };
}

async function open(prepare?: (fake: FakeBackend, customerId: number) => void) {
  localStorage.clear();
  let customerId = 0;
  const { desk, fake } = await fakeDesk((f) => {
    customerId = f.tickets[0].customer!.id;
    f.pendingWithdrawals.set(customerId, [withdrawal(950, customerId)]);
    prepare?.(f, customerId);
  });
  await desk.open(100001);
  render(Workspace, { props: { desk } });
  await fireEvent.click(screen.getByTestId("tab-risk"));
  await screen.findByTestId("account-controls");
  return { desk, fake, customerId };
}

describe("Account controls on the risk tab", () => {
  it("holds a pending withdrawal at once, with a reason from the policy, and shows it held", async () => {
    const { fake } = await open();
    const row = await screen.findByTestId("pending-withdrawal");
    expect(row.textContent).toContain("$36,400.00");
    expect(row.textContent).toContain("Pending");
    await fireEvent.click(within(row).getByTestId("pick-hold"));
    expect((screen.getByTestId("controls-kind") as HTMLSelectElement).value).toBe("hold_withdrawal");
    await waitFor(() => expect(screen.getByTestId("controls-approvers").textContent).toBe("Applies at once."));
    await fireEvent.input(screen.getByTestId("controls-note"), { target: { value: "Rule 2 fired: password changed, then this" } });
    await fireEvent.click(screen.getByTestId("controls-submit"));
    await waitFor(() => expect(screen.getByTestId("controls-note-sent").textContent).toBe("Sent: the server applies it."));
    const queued = fake.queue.find((q) => q.action.type === "account_action");
    expect(queued?.action).toMatchObject({
      type: "account_action",
      base_version: 1,
      request: { action: { kind: "hold_withdrawal", withdrawal_id: 950 }, reason: "account_takeover", note: "Rule 2 fired: password changed, then this" },
    });
    fake.deliver();
    await fireEvent.click(screen.getByTestId("tab-conversation"));
    await fireEvent.click(screen.getByTestId("tab-risk"));
    await waitFor(() => expect(screen.getByTestId("pending-withdrawal").dataset.held).toBe("true"));
    expect(screen.getByTestId("controls-request").dataset.status).toBe("applied");
  });

  it("says before asking that lifting a freeze needs a lead or risk, and shows it awaiting approval", async () => {
    const { fake } = await open();
    await fireEvent.change(screen.getByTestId("controls-kind"), { target: { value: "unfreeze" } });
    await waitFor(() =>
      expect(screen.getByTestId("controls-approvers").textContent).toBe("Needs the approval of a team lead or risk before it applies."),
    );
    await fireEvent.change(screen.getByTestId("controls-reason"), { target: { value: "resolved" } });
    await fireEvent.click(screen.getByTestId("controls-submit"));
    await waitFor(() => expect(screen.getByTestId("controls-note-sent").textContent).toContain("awaiting approval"));
    fake.deliver();
    await fireEvent.click(screen.getByTestId("tab-conversation"));
    await fireEvent.click(screen.getByTestId("tab-risk"));
    const request = await screen.findByTestId("controls-request");
    expect(request.dataset.status).toBe("awaiting_approval");
    expect(request.textContent).toContain("waits for a team lead or risk");
  });
});

describe("A finding's suggested stop", () => {
  it("asks for every suggested action with the finding's reason", async () => {
    const { fake } = await open((f, id) => {
      f.suggestions.set(id, [{ rule: 2, actions: [{ kind: "hold_withdrawals" }, { kind: "revoke_sessions" }, { kind: "force_reset" }], reason: "account_takeover" }]);
    });
    const offer = await screen.findByTestId("controls-suggestion");
    expect(offer.textContent).toContain("Rule 2 fired — stop it: Hold all withdrawals, Revoke sessions and API keys, Force a password and 2FA reset (Account takeover)");
    await fireEvent.click(within(offer).getByTestId("controls-ask-suggested"));
    await waitFor(() => expect(fake.queue.filter((q) => q.action.type === "account_action")).toHaveLength(3));
    const asked = fake.queue.map((q) => q.action).filter((a) => a.type === "account_action");
    expect(asked.map((a) => (a.type === "account_action" ? [a.request.action.kind, a.request.reason] : []))).toEqual([
      ["hold_withdrawals", "account_takeover"],
      ["revoke_sessions", "account_takeover"],
      ["force_reset", "account_takeover"],
    ]);
  });
});

describe("Approvals", () => {
  it("lists what waits for me and sends my answer with its reason", async () => {
    const { fake, customerId } = await open((f, id) => {
      f.actionRequests.push({
        id: 42,
        customer_id: id,
        action: { kind: "unfreeze" },
        reason: "resolved",
        note: "Customer verified by video call",
        expires_at: null,
        requested_by: 9,
        requested_at: "2026-12-06T05:00:00Z",
        approvers: ["team_supervisor", "risk"],
        status: "awaiting_approval",
        approval: null,
        before: null,
        after: null,
        lapses_at: null,
        version: 1,
      });
    });
    await fireEvent.click(screen.getByTestId("open-approvals"));
    const item = await screen.findByTestId("approval");
    expect(item.textContent).toContain("Haruto Sato asks: Unfreeze the account");
    // The evidence before the answer: the account's risk, links, waiting withdrawals, timeline.
    await fireEvent.click(within(item).getByTestId("show-evidence"));
    const evidence = await within(item).findByTestId("approval-evidence");
    expect(within(evidence).getByTestId("evidence-score").textContent).toMatch(/\d/);
    expect(within(evidence).getAllByTestId("risk-finding").length).toBeGreaterThan(0);
    expect(within(evidence).getByTestId("evidence-withdrawals").textContent).toContain("$36,400.00");
    expect(evidence.dataset.fromServer).toBe("false");
    await fireEvent.click(within(item).getByTestId("show-evidence"));
    expect(within(item).queryByTestId("approval-evidence")).toBeNull();
    expect(item.textContent).toContain("Customer verified by video call");
    expect(item.textContent).toContain("Reason: Resolved after review");
    await fireEvent.click(within(item).getByTestId("approve"));
    await waitFor(() => expect(screen.getByText("Say why you approve or decline: the requester and the audit log read it.")).toBeTruthy());
    await fireEvent.input(within(item).getByTestId("approval-reason"), { target: { value: "Looked at the call recording" } });
    await fireEvent.click(within(item).getByTestId("approve"));
    await waitFor(() => expect(screen.getByTestId("approvals-note").textContent).toBe("Sent: the server applies your answer."));
    expect(fake.queue.at(-1)?.action).toEqual({
      type: "answer_action_request",
      request_id: 42,
      customer_id: customerId,
      ticket_id: null,
      approve: true,
      reason: "Looked at the call recording",
    });
  });
});

describe("The actions report", () => {
  it("is offered to leads, and saved where they choose for the period they set", async () => {
    const { fake } = await open((f) => {
      f.session_ = { server_url: "http://127.0.0.1:8080", agent: { ...f.session_!.agent, role: "supervisor" } };
    });
    await fireEvent.click(screen.getByTestId("open-approvals"));
    await fireEvent.input(await screen.findByTestId("controls-report-from"), { target: { value: "2026-11-01" } });
    await fireEvent.input(screen.getByTestId("controls-report-to"), { target: { value: "2026-11-30" } });
    await fireEvent.click(screen.getByTestId("controls-report-csv"));
    await waitFor(() => expect(fake.controlsExports).toHaveLength(1));
    expect(fake.controlsExports[0]).toEqual({
      path: "/home/agent/Exports/losses/account-actions-2026-11-01-2026-11-30.csv",
      query: { from: "2026-11-01", to: "2026-11-30" },
    });
  });

  it("is not offered to an agent outside compliance and risk", async () => {
    await open();
    await fireEvent.click(screen.getByTestId("open-approvals"));
    await screen.findByTestId("approvals");
    expect(screen.queryByTestId("controls-report-csv")).toBeNull();
  });
});

describe("A waiting withdrawal's notes", () => {
  it("warns of a lookalike address, and says its screening, Travel Rule state and why it waits", async () => {
    await open((fake, customerId) => {
      const m = (key: string, args: Record<string, string | number> = {}) => ({ key, args });
      fake.withdrawalNotes.set(customerId, [
        {
          withdrawal_id: 950,
          held_because: [m("withdrawal.held.travelRejected", { vasp: "Kestrel Exchange" })],
          rating: "severe",
          screening: m("withdrawal.screenedClean", { rating: "severe", source: "Arbiter reference KYT" }),
          travel_rule: m("withdrawal.travel.rejected", { vasp: "Kestrel Exchange" }),
          poisoning: m("withdrawal.poisoning", { imitated: "bc1qknown", start: 6, end: 5 }),
        },
      ]);
    });
    const warning = await screen.findByTestId("poisoning-warning");
    expect(warning.getAttribute("role")).toBe("alert");
    expect(warning.textContent).toContain("imitates bc1qknown");
    expect(screen.getByTestId("withdrawal-screening").dataset.rating).toBe("severe");
    expect(screen.getByTestId("withdrawal-travel-rule").textContent).toBe("Travel Rule: rejected by Kestrel Exchange");
    expect(screen.getByTestId("held-because").textContent).toContain("Kestrel Exchange rejected the beneficiary data.");
  });
});
