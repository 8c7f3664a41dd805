// Shift handovers for a supervisor: their teams' handovers (read live from the server, again
// on every "handover" event), which of them wait for this lead's acknowledgement, and the
// handover being written, whose words and notes are kept on this machine until sent.
import type { Handover, NewHandover } from "../bindings";
import { asFailure, backend, type Unlisten } from "../backend";
import type { DeskState } from "./desk.svelte";

const DRAFT_KEY = "arbiter.handoverDraft";

/** What the lead has written so far for one team. */
export interface HandoverDraft {
  summary: string;
  /** Notes by ticket id. */
  notes: Record<number, string>;
  shiftStartedAt: string;
}

export class HandoverState {
  list = $state<Handover[]>([]);
  error = $state<string | null>(null);
  loaded = $state(false);
  private me: number | null = null;
  private unlisten: Unlisten[] = [];

  async init(desk: DeskState): Promise<void> {
    if (desk.session?.agent.role !== "supervisor") return;
    this.me = desk.session.agent.id;
    this.unlisten.push(
      await backend().onLive((event) => {
        if (event.payload.type === "handover") void this.load();
      }),
    );
    await this.load();
  }

  dispose(): void {
    this.unlisten.forEach((stop) => stop());
    this.unlisten = [];
  }

  /** Handovers from other leads nobody has acknowledged yet: the next shift's to read. */
  get waiting(): Handover[] {
    return this.list.filter((h) => h.acknowledged_at === null && h.author_id !== this.me);
  }

  isMine(handover: Handover): boolean {
    return handover.author_id === this.me;
  }

  async load(): Promise<void> {
    try {
      this.list = await backend().handovers();
      this.error = null;
    } catch (e) {
      this.error = asFailure(e).message;
    } finally {
      this.loaded = true;
    }
  }

  /** Sends the handover; the draft is forgotten only once the server has it. */
  async write(handover: NewHandover, key: string): Promise<Handover> {
    const written = await backend().writeHandover(handover, key);
    clearDraft(handover.team);
    this.list = [written, ...this.list.filter((h) => h.id !== written.id)];
    return written;
  }

  async acknowledge(handover: Handover): Promise<void> {
    try {
      const taken = await backend().acknowledgeHandover(handover.id, handover.version, crypto.randomUUID());
      this.list = this.list.map((h) => (h.id === taken.id ? taken : h));
      this.error = null;
    } catch (e) {
      this.error = asFailure(e).message;
      await this.load(); // someone else may have taken it: show who
    }
  }

  /** When the shift being handed over began: the team's last handover, or 8 hours ago. */
  defaultShiftStart(team: string, now = new Date()): Date {
    const last = this.list.find((h) => h.team === team);
    const since = last ? new Date(last.created_at) : null;
    if (since && now.getTime() - since.getTime() < 24 * 3_600_000) return since;
    const start = new Date(now.getTime() - 8 * 3_600_000);
    start.setMinutes(0, 0, 0);
    return start;
  }
}

function drafts(): Record<string, HandoverDraft> {
  try {
    return JSON.parse(localStorage.getItem(DRAFT_KEY) ?? "{}") as Record<string, HandoverDraft>;
  } catch {
    return {};
  }
}

export function readDraft(team: string): HandoverDraft | null {
  return drafts()[team] ?? null;
}

export function saveDraft(team: string, draft: HandoverDraft): void {
  localStorage.setItem(DRAFT_KEY, JSON.stringify({ ...drafts(), [team]: draft }));
}

function clearDraft(team: string): void {
  const all = drafts();
  delete all[team];
  localStorage.setItem(DRAFT_KEY, JSON.stringify(all));
}
