import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import { fakeDesk } from "../../backend/testing";
import type { FakeBackend } from "../../backend/fake";
import { msg } from "../../backend/fakeMessages";
import type { ExhibitKind, RepresentmentDraft } from "../../bindings";
import type { DeskState } from "../../stores/desk.svelte";
import Workspace from "../workspace/Workspace.svelte";

const KINDS: ExhibitKind[] = ["payment", "three_d_secure", "login_history", "prior_payments", "kyc"];

function packet(): RepresentmentDraft {
  return {
    language: "en",
    languages: ["en", "de", "es"],
    letter: "Re: Visa chargeback 10.4.\n\n" + KINDS.map((_, i) => `Exhibit ${i + 1} shows it.`).join(" ") + "\n\nYours faithfully,\nArbiter Exchange",
    exhibits: KINDS.map((kind, i) => ({ number: i + 1, kind, label: `Exhibit ${i + 1}`, title: `Title ${i + 1}`, summary: `Summary ${i + 1}` })),
    review: [{ finding: { kind: "checkout_not_seen_before" }, severity: "weakens", text: msg("packet.checkoutNotSeen") }],
    moves_to: "representment",
  };
}

describe("Answering a chargeback with its representment packet", () => {
  let fake: FakeBackend;
  let desk: DeskState;

  beforeEach(async () => {
    localStorage.clear();
    ({ fake, desk } = await fakeDesk());
    await desk.open(100001);
    render(Workspace, { props: { desk } });
    await fireEvent.click(screen.getByTestId("tab-case"));
    await fireEvent.input(await screen.findByTestId("case-amount"), { target: { value: "1250.00" } });
    await fireEvent.change(screen.getByTestId("case-code"), { target: { value: "13.1" } });
    await fireEvent.input(screen.getByTestId("case-last4"), { target: { value: "4242" } });
    await fireEvent.input(screen.getByTestId("case-transaction-date"), { target: { value: "2026-10-20" } });
    await fireEvent.input(screen.getByTestId("case-filed"), { target: { value: new Date().toISOString().slice(0, 10) } });
    await fireEvent.input(screen.getByTestId("case-summary"), { target: { value: "Cardholder says the purchase was not theirs." } });
    await fireEvent.submit(screen.getByTestId("case-open-form"));
    await screen.findByTestId("case-opening");
    fake.deliver();
    await desk.refresh([100001]);
    await screen.findByTestId("case-title");
    fake.packets.set([...fake.cases.cases.keys()].at(-1)!, packet());
  });

  it("builds the packet, reviews the edited letter, blocks a bad citation, then submits", async () => {
    await fireEvent.click(await screen.findByTestId("packet-build"));
    const letter = (await screen.findByTestId("packet-letter")) as HTMLTextAreaElement;
    expect(letter.value).toContain("Exhibit 5 shows it.");
    expect(screen.getAllByTestId("packet-exhibit").map((e) => e.dataset.kind)).toEqual(KINDS);
    expect(screen.getByTestId("packet-moves").textContent).toContain("Representment");
    expect(screen.getAllByTestId("packet-finding").map((f) => f.dataset.kind)).toEqual(["checkout_not_seen_before"]);

    // Citing an exhibit the packet lacks blocks sending; dropping one is said.
    await fireEvent.input(letter, { target: { value: letter.value.replace("Exhibit 5", "Exhibit 12") } });
    await waitFor(() => expect(screen.getAllByTestId("packet-finding").map((f) => f.dataset.kind)).toContain("cites_missing_exhibit"));
    expect(screen.getAllByTestId("packet-finding").map((f) => f.dataset.kind)).toContain("not_cited");
    expect(screen.getByTestId("packet-review").textContent).toContain("The letter cites Exhibit 12, which the packet does not have.");
    expect((screen.getByTestId("packet-submit") as HTMLButtonElement).disabled).toBe(true);

    await fireEvent.input(letter, { target: { value: packet().letter + "\n\nReviewed." } });
    await waitFor(() => expect((screen.getByTestId("packet-submit") as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.submit(screen.getByTestId("packet-form"));
    await screen.findByTestId("packet-sent");
    expect(fake.submittedPackets.at(-1)!.letter).toContain("Reviewed.");
    const types = fake.queue.map((q) => q.action.type);
    expect(types.filter((t) => t === "upload_document")).toHaveLength(2);
    const move = fake.queue.find((q) => q.action.type === "update_case")!.action;
    expect(move).toMatchObject({ update: { status: "awaiting_network", decision: "represent" } });
  });

  it("asks for the letter in another language the company answers in", async () => {
    await fireEvent.click(await screen.findByTestId("packet-build"));
    await fireEvent.change(await screen.findByTestId("packet-language"), { target: { value: "de" } });
    await waitFor(() => expect((screen.getByTestId("packet-letter") as HTMLTextAreaElement).value.startsWith("[de] ")).toBe(true));
  });
});
