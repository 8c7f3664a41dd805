// Live chats the agent is handling: several at once, each with its unread count, how long
// the customer has been waiting, and whether they are typing. A new customer message in a
// chat the agent is not looking at raises an attention cue (badge, title count, a short
// sound unless muted).
import type { LiveEvent, TicketListItem } from "../../bindings";
import { backend, type Unlisten } from "../../backend";
import { coalesced } from "../../coalesce";
import type { DeskState } from "../../stores/desk.svelte";

/** Whether the chime plays: a sound preference, the only chat state kept in web storage. */
const MUTE_KEY = "arbiter.chatSound";
/** How long a "typing" signal lasts without a new one. */
const TYPING_MS = 6_000;

export class ChatState {
  chats = $state<TicketListItem[]>([]);
  unread = $state<Record<number, number>>({});
  /** Until when (ms) the customer counts as typing, per ticket. */
  typingUntil = $state<Record<number, number>>({});
  muted = $state(false);
  private unlisten: Unlisten[] = [];
  private desk: DeskState | null = null;
  // A burst of messages and cache changes reads the agent's chats once at a time.
  private refreshOnChange = coalesced(() => this.refresh());

  async init(desk: DeskState): Promise<void> {
    this.desk = desk;
    this.muted = readMuted();
    // Unread counts survive a restart (a message nobody read stays unread): the desk keeps them.
    try {
      const kept = await backend().chatUnread();
      this.unread = Object.fromEntries(kept.map((c) => [c.ticket_id, c.unread]));
    } catch {
      this.unread = {};
    }
    updateTitle(this.totalUnread);
    const api = backend();
    this.unlisten.push(await api.onLive((event) => this.onLive(event)));
    this.unlisten.push(await api.onCacheChanged(() => void this.refreshOnChange()));
    await this.refresh();
  }

  dispose(): void {
    this.unlisten.forEach((stop) => stop());
    this.unlisten = [];
  }

  /** The agent's active chats, most recent first. */
  async refresh(): Promise<void> {
    if (!this.desk?.session) return;
    try {
      const mine = await backend().listTickets({ builtin: "mine" }, null, 200);
      this.chats = mine.filter((t) => t.channel === "chat");
      // Chats that left the agent's hands (solved, reassigned) take their unread count along.
      const gone = Object.keys(this.unread).map(Number).filter((id) => !this.chats.some((c) => c.id === id));
      if (gone.length > 0) {
        const kept = Object.fromEntries(Object.entries(this.unread).filter(([id]) => !gone.includes(Number(id))));
        this.setUnread(kept, gone);
      }
    } catch {
      // The list keeps its last state; the desk shows sync errors elsewhere.
    }
  }

  get totalUnread(): number {
    return Object.values(this.unread).reduce((sum, n) => sum + n, 0);
  }

  isTyping(ticketId: number, now = Date.now()): boolean {
    return (this.typingUntil[ticketId] ?? 0) > now;
  }

  /** The agent opened this chat: everything in it is read. */
  seen(ticketId: number): void {
    if (this.unread[ticketId]) {
      const { [ticketId]: _read, ...rest } = this.unread;
      this.setUnread(rest, [ticketId]);
    }
  }

  /** The newest customer message the agent has read, per chat, as last told to the server. */
  private readMarks = new Map<number, number>();

  /** The agent has the chat open up to `upTo`: the customer's widget marks it read. */
  markRead(ticketId: number, upTo: number): void {
    if ((this.readMarks.get(ticketId) ?? 0) >= upTo) return;
    this.readMarks.set(ticketId, upTo);
    // Best effort (online only): the next message read sends the mark again.
    void backend()
      .conversationSeen(ticketId, upTo)
      .catch(() => this.readMarks.delete(ticketId));
  }

  toggleMute(): void {
    this.muted = !this.muted;
    try {
      localStorage.setItem(MUTE_KEY, this.muted ? "off" : "on");
    } catch {
      // Storage may be unavailable; the choice then lasts for this session.
    }
  }

  /** Shows `unread` and has the desk keep the counts of `changed` chats. */
  private setUnread(unread: Record<number, number>, changed: number[]): void {
    this.unread = unread;
    updateTitle(this.totalUnread);
    for (const id of changed) {
      // Not kept (the cache is unavailable): the count then lasts for this session.
      void backend()
        .setChatUnread(id, unread[id] ?? 0)
        .catch(() => {});
    }
  }

  private onLive(event: LiveEvent): void {
    const payload = event.payload;
    if (payload.type === "typing" && payload.typist === "customer") {
      this.typingUntil = { ...this.typingUntil, [payload.ticket_id]: payload.typing ? Date.now() + TYPING_MS : 0 };
    } else if (payload.type === "message_created" && payload.message.author_kind === "customer") {
      const id = payload.message.ticket_id;
      this.typingUntil = { ...this.typingUntil, [id]: 0 };
      const isChat = this.chats.some((c) => c.id === id);
      if (isChat && this.desk?.selectedId !== id) {
        this.setUnread({ ...this.unread, [id]: (this.unread[id] ?? 0) + 1 }, [id]);
        if (!this.muted) chime();
        // The taskbar or dock flashes when the window is in the background.
        if (typeof document !== "undefined" && !document.hasFocus()) void backend().requestAttention().catch(() => {});
      }
      void this.refreshOnChange();
    }
  }
}

function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === "off";
  } catch {
    return false;
  }
}

function updateTitle(unread: number): void {
  if (typeof document === "undefined") return;
  document.title = unread > 0 ? `(${unread}) Arbiter` : "Arbiter";
}

/** A short, soft two-note chime, made on the spot (no sound file to ship). */
function chime(): void {
  const Context = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!Context) return;
  try {
    const audio = new Context();
    [880, 1320].forEach((frequency, index) => {
      const start = audio.currentTime + index * 0.12;
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.15, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.25);
      tone.connect(gain).connect(audio.destination);
      tone.start(start);
      tone.stop(start + 0.3);
    });
    setTimeout(() => void audio.close(), 1_000);
  } catch {
    // No audio device: the badge and the title still show it.
  }
}
