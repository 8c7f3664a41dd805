// The desk's screen state: session, sync status, the inbox view and the open ticket.
// Everything is read from the local cache through the backend, so it is fast and works
// offline; cache-change events refresh what is on screen.
import type {
  BulkOutcome,
  InboxView,
  LinkTarget,
  SavedView,
  SearchQuery,
  SearchResults,
  SearchSource,
  SessionInfo,
  SyncStatus,
  TicketListItem,
  TicketFilter,
  TicketStatus,
  TicketUpdate,
  TicketView,
  ViewCount,
  ViewKey,
} from "../bindings";
import { VIEW_LABELS, viewId } from "../format";
import { t } from "../i18n/index.svelte";
import { moveWorkOutOfWebStorage } from "./webStorageMigration";
import { keepPanes, savedPanes, type Mode } from "./panes";
import { ActionKeys } from "../actions";
import { asFailure, backend, type DeskFailure, type Unlisten } from "../backend";
import { coalesced } from "../coalesce";

const PAGE = 100;

export class DeskState {
  loading = $state(true);
  session = $state<SessionInfo | null>(null);
  status = $state<SyncStatus | null>(null);
  private view_ = $state<ViewKey>({ builtin: "mine" });
  private mode_ = $state<Mode>("tickets");
  /** The inbox view shown (kept for the next start, `panes.ts`). */
  get view(): ViewKey {
    return this.view_;
  }
  set view(view: ViewKey) {
    this.view_ = view;
    if (this.session) keepPanes(this.session, { mode: this.mode_, view });
  }
  /** The tickets (list and conversation), or a whole-pane screen: the supervisor's queue board or shift handover, analytics, approvals, pre-dispute alerts. */
  get mode(): Mode {
    return this.mode_;
  }
  set mode(mode: Mode) {
    this.mode_ = mode;
    if (this.session) keepPanes(this.session, { mode, view: this.view_ });
  }
  /** Tickets per view, by `viewId`. */
  counts = $state<Record<string, number>>({});
  savedViews = $state<SavedView[]>([]);
  /** The name of the drill-down on screen (a `{ filter }` view from the queue board). */
  drillTitle = $state("");
  /** Tickets ticked for a bulk action (supervisors), in the order they were ticked. */
  picked = $state<number[]>([]);
  tickets = $state<TicketListItem[]>([]);
  reachedEnd = $state(false);
  selectedId = $state<number | null>(null);
  ticket = $state<TicketView | null>(null);
  error = $state<DeskFailure | null>(null);
  /** The search box: while it holds text, the list shows search hits instead of a view. */
  searchText = $state("");
  searchSources = $state<SearchSource[]>([]);
  searchStatuses = $state<TicketStatus[]>([]);
  searchResults = $state<SearchResults | null>(null);
  private searchSeq = 0;
  // Answers can come back out of order (a slow ticket, a change event mid-refresh): each
  // read notes its number and only the latest one shows.
  private openSeq = 0;
  private refreshSeq = 0;
  private changedIds = new Set<number>();
  private changedAll = false;
  private keys = new ActionKeys();
  private loadingMore = false;
  private unlisten: Unlisten[] = [];
  // The stream's bursts read the list once at a time (an empty list of ids: everything changed).
  private refreshOnChange = coalesced<number[]>((changes) => this.refresh(changes.some((ids) => ids.length === 0) ? [] : changes.flat()));
  private followingLinks = false;
  private linksAgain = false;
  private linkTab: { ticketId: number; tab: "case" } | null = null;

  async init(): Promise<void> {
    const api = backend();
    this.unlisten.push(await api.onSyncStatus((status) => (this.status = status)));
    this.unlisten.push(
      await api.onCacheChanged((changed) => {
        // Only alerts, controls or approvals changed: their own screens read again.
        if (changed.ids.length === 0 && changed.others) return;
        void this.refreshOnChange(changed.ids);
      }),
    );
    // A desktop notification was acted on: the window is forward, show its ticket.
    this.unlisten.push(
      await api.onOpenTicket((id) => {
        this.clearSearch();
        void this.open(id);
      }),
    );
    // An arbiter:// link arrived (another tool, an email, a second launch).
    this.unlisten.push(await api.onLinkArrived(() => void this.followLinks()));
    try {
      this.session = await api.session();
      this.status = await api.syncStatus();
      if (this.session) {
        await moveWorkOutOfWebStorage();
        this.reopenPanes(this.session);
        await this.refresh([]);
        void this.followLinks();
      }
    } catch (error) {
      this.error = asFailure(error);
    } finally {
      this.loading = false;
    }
  }

  dispose(): void {
    this.unlisten.forEach((stop) => stop());
    this.unlisten = [];
  }

  async signedIn(session: SessionInfo): Promise<void> {
    this.session = session;
    await moveWorkOutOfWebStorage();
    this.reopenPanes(session);
    this.selectedId = null;
    this.ticket = null;
    await this.refresh([]);
    void this.followLinks();
  }

  /** Opens the screen and inbox view the agent left (their own tickets the first time). */
  private reopenPanes(session: SessionInfo): void {
    const panes = savedPanes(session);
    this.view_ = panes.view;
    this.mode_ = panes.mode;
  }

  /** Follows the arbiter:// links that arrived, in order: each opens its ticket (a case link
   * on the case tab); one that cannot be followed says why. The links wait in the app until
   * the agent is signed in. */
  async followLinks(): Promise<void> {
    if (!this.session) return;
    if (this.followingLinks) {
      this.linksAgain = true;
      return;
    }
    this.followingLinks = true;
    try {
      for (;;) {
        let target: LinkTarget | null;
        try {
          target = await backend().followPendingLink();
        } catch (error) {
          this.error = asFailure(error);
          continue;
        }
        if (!target) break;
        this.clearSearch();
        this.linkTab = target.case_id !== null ? { ticketId: target.ticket_id, tab: "case" } : null;
        await this.open(target.ticket_id);
      }
    } finally {
      this.followingLinks = false;
    }
    if (this.linksAgain) {
      this.linksAgain = false;
      await this.followLinks();
    }
  }

  /** The tab a link asked for when it opened `ticketId` (once). */
  takeLinkTab(ticketId: number): "case" | null {
    const asked = this.linkTab?.ticketId === ticketId ? this.linkTab.tab : null;
    this.linkTab = null;
    return asked;
  }

  async signOut(): Promise<void> {
    await backend().signOut();
    this.session = null;
    this.tickets = [];
    this.ticket = null;
    this.selectedId = null;
    this.counts = {};
  }

  /** Reloads the list and counts; reloads the open ticket when it is among `ids` (or ids is empty). */
  async refresh(ids: number[]): Promise<void> {
    if (!this.session) return;
    // What changed since the last refresh that got through: a refresh overtaken by a newer
    // one leaves its tickets to that one (the open ticket's change must not be lost because
    // a change to other tickets came right after it).
    if (ids.length === 0) this.changedAll = true;
    for (const id of ids) this.changedIds.add(id);
    const seq = ++this.refreshSeq;
    const latest = () => seq === this.refreshSeq;
    try {
      const api = backend();
      const shown = Math.max(PAGE, this.tickets.length);
      // The list is read beside the counts, not after them: a view switch waits for the
      // slower of the two reads, not their sum.
      const view = this.view;
      const listing = api.listTickets(view, null, shown);
      listing.catch(() => {}); // a deleted saved view's read fails; handled below
      const [savedViews, counts] = await Promise.all([api.savedViews(), api.viewCounts()]);
      if (!latest()) return;
      this.savedViews = savedViews;
      this.counts = Object.fromEntries(counts.map((c: ViewCount) => [viewId(c.view), c.count]));
      const open = this.view.saved;
      if (open !== undefined && !savedViews.some((v) => v.id === open)) {
        this.view = { builtin: "mine" }; // the open view was deleted
      }
      const tickets = this.view === view ? await listing : await api.listTickets(this.view, null, shown);
      if (!latest()) return;
      this.tickets = tickets;
      this.reachedEnd = tickets.length < shown;
      const selected = this.selectedId;
      const changed = this.changedAll || (selected !== null && this.changedIds.has(selected));
      this.changedAll = false;
      this.changedIds.clear();
      if (selected !== null && changed) {
        const opened = this.openSeq;
        const ticket = await api.ticket(selected);
        // The agent opened another ticket meanwhile: that read shows, not this one.
        if (opened === this.openSeq && selected === this.selectedId) this.ticket = ticket;
      }
      if (latest()) this.error = null;
    } catch (error) {
      if (latest()) this.error = asFailure(error);
    }
  }

  /** Shows a view: a built-in one by name, or any by key. */
  async selectView(view: InboxView | ViewKey): Promise<void> {
    this.mode = "tickets";
    this.view = typeof view === "string" ? { builtin: view } : view;
    this.picked = [];
    this.tickets = [];
    this.reachedEnd = false;
    await this.refresh([]);
  }

  async loadMore(): Promise<void> {
    const last = this.tickets.at(-1);
    if (!last || this.reachedEnd || this.loadingMore) return;
    this.loadingMore = true;
    const view = this.view;
    try {
      const more = await backend().listTickets(view, last.cursor, PAGE);
      if (view !== this.view) return; // the agent switched views meanwhile
      this.tickets = [...this.tickets, ...more];
      this.reachedEnd = more.length < PAGE;
    } catch (error) {
      this.error = asFailure(error);
    } finally {
      this.loadingMore = false;
    }
  }

  async open(id: number): Promise<void> {
    this.mode = "tickets";
    this.selectedId = id;
    const seq = ++this.openSeq;
    try {
      const ticket = await backend().ticket(id);
      if (seq === this.openSeq) this.ticket = ticket;
    } catch (error) {
      if (seq === this.openSeq) this.error = asFailure(error);
    }
  }

  /** Settles a conflicting action: keep the agent's change, or take the server's. */
  async resolveConflict(id: string, keepMine: boolean): Promise<void> {
    try {
      await this.keys.send(`resolve:${id}`, keepMine, (key) => backend().resolveConflict(id, keepMine, key));
      await this.refresh([]);
    } catch (error) {
      this.error = asFailure(error);
    }
  }

  async dismiss(id: string): Promise<void> {
    try {
      await backend().dismissAction(id);
      await this.refresh([]);
    } catch (error) {
      this.error = asFailure(error);
    }
  }

  /** Searches the local copy; answers to older keystrokes are dropped. */
  async search(text: string = this.searchText): Promise<void> {
    this.searchText = text;
    const seq = ++this.searchSeq;
    if (!text.trim()) {
      this.searchResults = null;
      return;
    }
    const query: SearchQuery = {
      text,
      sources: this.searchSources,
      statuses: this.searchStatuses,
      queues: [],
      kinds: [],
      languages: [],
      channels: [],
      from: null,
      to: null,
      limit: 50,
    };
    try {
      const results = await backend().search(query);
      if (seq === this.searchSeq) this.searchResults = results;
    } catch (error) {
      if (seq === this.searchSeq) this.error = asFailure(error);
    }
  }

  clearSearch(): void {
    this.searchSeq++;
    this.searchText = "";
    this.searchResults = null;
  }

  /** Changes the open ticket's properties (queued like every action, shown at once). */
  async updateTicket(update: TicketUpdate): Promise<void> {
    const id = this.selectedId;
    if (id === null) return;
    try {
      await this.keys.send(`update:${id}`, update, (key) => backend().updateTicket(id, update, key));
      await this.refresh([id]);
    } catch (error) {
      this.error = asFailure(error);
    }
  }

  /** Saves a view (new when `id` is null) and shows it. */
  async saveView(id: string | null, name: string, filter: TicketFilter): Promise<SavedView> {
    const view = await backend().saveView(id, name, filter);
    this.view = { saved: view.id };
    await this.refresh([]);
    return view;
  }

  async deleteView(id: string): Promise<void> {
    try {
      await backend().deleteView(id);
      await this.refresh([]);
    } catch (error) {
      this.error = asFailure(error);
    }
  }

  /** Shows the tickets behind a number on the queue board, under `title`. */
  async drill(filter: TicketFilter, title: string): Promise<void> {
    this.clearSearch();
    this.drillTitle = title;
    await this.selectView({ filter });
  }

  /** Ticks or unticks a ticket for a bulk action; with `range`, everything from the last tick. */
  togglePicked(id: number, range = false): void {
    const last = this.picked.at(-1);
    if (range && last !== undefined && last !== id) {
      const ids = this.tickets.map((t) => t.id);
      const [a, b] = [ids.indexOf(last), ids.indexOf(id)].sort((x, y) => x - y);
      if (a >= 0) {
        const span = ids.slice(a, b + 1).filter((x) => !this.picked.includes(x));
        this.picked = [...this.picked, ...span];
        return;
      }
    }
    this.picked = this.picked.includes(id) ? this.picked.filter((x) => x !== id) : [...this.picked, id];
  }

  /** Applies one change to every ticked ticket (supervisors; the server does it, online). */
  async bulkUpdate(update: TicketUpdate): Promise<BulkOutcome> {
    const picked = this.picked;
    const outcome = await this.keys.send("bulk", { picked, update }, (key) =>
      backend().bulkUpdateTickets(picked, update, key),
    );
    // What failed stays ticked, so the supervisor can see it and try something else.
    this.picked = this.picked.filter((id) => outcome.failed.some((f) => f.ticket_id === id));
    await this.refresh([]);
    return outcome;
  }

  /** The name a view is shown under. */
  viewName(view: ViewKey = this.view): string {
    if (view.builtin !== undefined) return VIEW_LABELS[view.builtin];
    if (view.filter !== undefined) return this.drillTitle || t("view.fallback");
    return this.savedViews.find((v) => v.id === view.saved)?.name ?? t("view.fallback");
  }

  /** Moves the selection up or down the list (keyboard j/k). */
  async step(delta: number): Promise<void> {
    if (this.tickets.length === 0) return;
    const index = this.tickets.findIndex((t) => t.id === this.selectedId);
    const next = Math.min(this.tickets.length - 1, Math.max(0, index === -1 ? 0 : index + delta));
    await this.open(this.tickets[next].id);
  }
}
