// Shift handovers for a supervisor: their teams' handovers (read live from the server, again
// on every "handover" event), which of them wait for this lead's acknowledgement, and the
// handover being written, whose words and notes the desk keeps (encrypted, per agent) until
// it is sent.
import { ActionKeys } from "../../actions";
import type { Handover, NewHandover } from "../../bindings";
import { backend, sayFailure, type Unlisten } from "../../backend";
import type { DeskState } from "../../stores/desk.svelte";
import { drafts } from "../drafts/drafts";

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
  private keys = new ActionKeys();

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
      this.error = sayFailure(e);
    } finally {
      this.loaded = true;
    }
  }

  /** Sends the handover; the draft is forgotten only once the server has it. */
  async write(handover: NewHandover, key: string): Promise<Handover> {
    const written = await backend().writeHandover(handover, key);
    await drafts.clear("handover", handover.team);
    this.list = [written, ...this.list.filter((h) => h.id !== written.id)];
    return written;
  }

  async acknowledge(handover: Handover): Promise<void> {
    try {
      const taken = await this.keys.send(`acknowledge:${handover.id}`, handover.version, (key) =>
        backend().acknowledgeHandover(handover.id, handover.version, key),
      );
      this.list = this.list.map((h) => (h.id === taken.id ? taken : h));
      this.error = null;
    } catch (e) {
      this.error = sayFailure(e);
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

function parseDraft(text: string): HandoverDraft | null {
  if (!text) return null;
  try {
    const draft = JSON.parse(text) as Partial<HandoverDraft>;
    if (typeof draft.summary !== "string" || typeof draft.shiftStartedAt !== "string") return null;
    return { summary: draft.summary, notes: draft.notes ?? {}, shiftStartedAt: draft.shiftStartedAt };
  } catch {
    return null; // not a draft this desk wrote: start afresh
  }
}

/** The handover being written for `team`, if any. */
export async function readDraft(team: string): Promise<HandoverDraft | null> {
  return parseDraft(await drafts.load("handover", team));
}

/** Keeps the handover as the lead writes it (saved when typing stops). */
export function saveDraft(team: string, draft: HandoverDraft, failed?: (error: unknown) => void): void {
  drafts.set("handover", team, JSON.stringify(draft), failed);
}

/** Saves the handover at once (before sending it: a failure then loses nothing). */
export async function keepDraft(team: string, draft: HandoverDraft): Promise<void> {
  await drafts.save("handover", team, JSON.stringify(draft));
}

/** Items grouped by the person they are assigned to: people by name, the unassigned last. */
export function groupByAssignee<T>(items: T[], name: (item: T) => string | null): [string | null, T[]][] {
  const map = new Map<string | null, T[]>();
  for (const item of items) map.set(name(item), [...(map.get(name(item)) ?? []), item]);
  return [...map.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
}
