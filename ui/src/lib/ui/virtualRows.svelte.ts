// A list that renders only the rows on screen (TanStack Virtual's core), anchored at its end
// like a chat: rows added above (older messages) keep what the agent is reading in place,
// rows added at the end are followed while the agent is at the end. Row heights are measured
// as rows render and again when they change size (an email frame that reports its height).
// Where nothing is laid out (jsdom in unit tests) every row is rendered in order.
import {
  Virtualizer,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  type VirtualItem,
} from "@tanstack/virtual-core";

export type RowsOptions = {
  count: number;
  key: (index: number) => string;
  estimate: (index: number) => number;
};

/** Whether the reader still follows the end after a scroll from `before` to `after` (px from
 * the top). Only their scrolling up leaves it: rows growing below them, or a scroll to the end
 * that is judged against sizes measured a frame late, move the top down or not at all. */
export function stillAtEnd(was: boolean, before: number, after: number, atEnd: boolean): boolean {
  return atEnd || (was && after >= before - 1);
}

export class VirtualRows {
  /** The rows to render now, with where each starts. */
  items = $state.raw<VirtualItem[]>([]);
  /** The height of all rows, measured or estimated. */
  total = $state(0);
  /** Whether rows are positioned by the virtualizer (false: all rendered in flow). */
  readonly virtual = typeof ResizeObserver !== "undefined";
  private readonly core: Virtualizer<HTMLElement, HTMLElement>;
  private options: RowsOptions;
  private readonly scroller: () => HTMLElement | null;

  constructor(scroller: () => HTMLElement | null, options: RowsOptions) {
    this.options = options;
    this.scroller = scroller;
    this.core = new Virtualizer<HTMLElement, HTMLElement>(this.settings());
    this.publish();
  }

  private settings() {
    const scroller = this.scroller;
    return {
      count: this.options.count,
      getItemKey: (i: number) => this.options.key(i),
      estimateSize: (i: number) => this.options.estimate(i),
      getScrollElement: scroller,
      scrollToFn: elementScroll,
      observeElementRect,
      observeElementOffset,
      overscan: 6,
      anchorTo: "end" as const,
      followOnAppend: true,
      onChange: () => this.publish(),
    };
  }

  /** Starts watching the scroller; call once it is in the document. Returns the stop. */
  mount(): () => void {
    const stop = this.core._didMount();
    this.core._willUpdate();
    this.publish();
    return stop;
  }

  /** New rows (count, keys or sizes): keeps the agent's place. */
  update(options: RowsOptions): void {
    this.options = options;
    this.core.setOptions({ ...this.core.options, ...this.settings() });
    this.core._willUpdate();
    this.publish();
  }

  /** An action for each rendered row (it must carry `data-index`): measures it as it changes. */
  measure = (node: HTMLElement) => {
    if (this.virtual) this.core.measureElement(node);
  };

  scrollToEnd(): void {
    if (this.virtual && this.options.count > 0) this.core.scrollToIndex(this.options.count - 1, { align: "end" });
  }

  isAtEnd(): boolean {
    return !this.virtual || this.core.isAtEnd(48);
  }

  private lastTop = 0;
  /** After a scroll event: whether the reader, following the end before (`was`), still does. */
  followsEnd(was: boolean): boolean {
    const top = this.scroller()?.scrollTop ?? 0;
    const follows = stillAtEnd(was, this.lastTop, top, this.isAtEnd());
    this.lastTop = top;
    return follows;
  }

  private publish(): void {
    if (!this.virtual) {
      const all: VirtualItem[] = [];
      for (let index = 0; index < this.options.count; index++) {
        all.push({ key: this.options.key(index), index, start: 0, end: 0, size: 0, lane: 0 });
      }
      this.items = all;
      this.total = 0;
      return;
    }
    this.items = this.core.getVirtualItems();
    this.total = this.core.getTotalSize();
  }
}
