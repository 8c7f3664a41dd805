// How the case screen changes a case: every change goes to the desk (queued like a reply, so
// it works offline) under an idempotency key kept until the desk has it; the screen then reads
// the ticket again. Failures are said in the agent's language on the panel.
import { ActionKeys } from "../../actions";
import { backend, sayFailure } from "../../backend";
import type { CaseUpdate, EvidenceKind } from "../../bindings";

export interface CaseScreen {
  caseId: () => number | null;
  ticketId: () => number;
  refresh: () => Promise<void>;
  showError: (text: string | null) => void;
}

export class CaseActions {
  readonly keys = new ActionKeys();

  constructor(private screen: CaseScreen) {}

  /** Runs `run` with the key of `action` (same content: same key); true when the desk took it. */
  async act(action: string, content: unknown, run: (key: string) => Promise<unknown>): Promise<boolean> {
    try {
      await this.keys.send(action, content, run);
      this.screen.showError(null);
      await this.screen.refresh();
      return true;
    } catch (e) {
      this.screen.showError(sayFailure(e));
      return false;
    }
  }

  /** A change to the case (status, stage, decision, outcome, amounts). */
  update(change: CaseUpdate): Promise<boolean> {
    const caseId = this.screen.caseId();
    if (caseId === null) return Promise.resolve(false);
    return this.act(`update-${caseId}`, change, (key) => backend().updateCase(caseId, this.screen.ticketId(), change, key));
  }

  fail(text: string): void {
    this.screen.showError(text);
  }
}

/** What the evidence form starts with when a checklist item asks for evidence. */
export interface EvidenceRequest {
  key: string | null;
  kinds: EvidenceKind[];
}

/** The largest file the document store takes as evidence. */
export const MAX_EVIDENCE_FILE = 20 * 1024 * 1024;

/** A file's bytes as base64 (the IPC carries text). */
export function base64Of(file: File): Promise<string> {
  return new Promise((done, fail) => {
    const reader = new FileReader();
    reader.onload = () => done(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => fail(reader.error ?? new Error("The file could not be read."));
    reader.readAsDataURL(file);
  });
}

/** An amount as typed ("1250", "1.250,5" is not guessed: "," is the decimal point) in minor units. */
export function minorUnits(typed: string, currency: string): number {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const amount = Math.round(Number(typed.replace(",", ".")) * 10 ** digits);
  return Number.isFinite(amount) ? amount : -1;
}

export function fileSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} KB`;
}
