// The agent's key bindings: the defaults from the registry, with their own changes on top,
// kept in localStorage so they survive restarts. Only changes are stored, so a default that
// changes in a later version reaches everyone who did not rebind it.
import { normalizeBinding, parseBinding } from "./keys";
import { shortcutDef, SHORTCUTS, type ShortcutId } from "./shortcuts";

export const SHORTCUTS_KEY = "arbiter.shortcuts";

export interface Conflict {
  id: ShortcutId;
  label: string;
  /** The other shortcut's binding that clashes. */
  binding: string;
  /** "same": the very same keys; "prefix": one is the start of the other, so one could never fire. */
  kind: "same" | "prefix";
}

type Overrides = Partial<Record<ShortcutId, string[]>>;

export class ShortcutBindings {
  private overrides = $state<Overrides>({});

  constructor(private storage: Storage | null = browserStorage()) {
    this.load();
  }

  /** Reads the saved bindings again, skipping anything unknown or malformed. */
  load(): void {
    const saved: Overrides = {};
    try {
      const raw: unknown = JSON.parse(this.storage?.getItem(SHORTCUTS_KEY) ?? "{}");
      if (raw && typeof raw === "object") {
        for (const [id, value] of Object.entries(raw)) {
          if (!shortcutDef(id as ShortcutId) || !Array.isArray(value)) continue;
          saved[id as ShortcutId] = value.filter((b): b is string => typeof b === "string" && b.trim() !== "").map(normalizeBinding);
        }
      }
    } catch {
      // A hand-edited or corrupt value: fall back to the defaults rather than fail to start.
    }
    this.overrides = saved;
  }

  bindingsOf(id: ShortcutId): string[] {
    return this.overrides[id] ?? shortcutDef(id)?.defaults.map(normalizeBinding) ?? [];
  }

  isCustom(id: ShortcutId): boolean {
    return this.overrides[id] !== undefined;
  }

  /** Other shortcuts that `binding` would clash with if given to `id`. */
  conflicts(id: ShortcutId, binding: string): Conflict[] {
    const wanted = parseBinding(binding);
    const found: Conflict[] = [];
    for (const def of SHORTCUTS) {
      if (def.id === id) continue;
      for (const theirs of this.bindingsOf(def.id)) {
        const chords = parseBinding(theirs);
        const shorter = Math.min(chords.length, wanted.length);
        if (!chords.slice(0, shorter).every((chord, i) => chord === wanted[i])) continue;
        found.push({ id: def.id, label: def.label, binding: theirs, kind: chords.length === wanted.length ? "same" : "prefix" });
      }
    }
    return found;
  }

  /** Gives `id` exactly these bindings. */
  set(id: ShortcutId, bindings: string[]): void {
    const next = bindings.map(normalizeBinding);
    const defaults = shortcutDef(id)?.defaults.map(normalizeBinding) ?? [];
    const overrides = { ...this.overrides };
    if (next.length === defaults.length && next.every((b, i) => b === defaults[i])) delete overrides[id];
    else overrides[id] = next;
    this.overrides = overrides;
    this.save();
  }

  /** Gives `id` this one binding, taking it away from any shortcut it clashes with. */
  assign(id: ShortcutId, binding: string): void {
    for (const conflict of this.conflicts(id, binding)) {
      this.set(
        conflict.id,
        this.bindingsOf(conflict.id).filter((b) => b !== conflict.binding),
      );
    }
    this.set(id, [binding]);
  }

  /** Clashes that putting `id` back to its default keys would cause. */
  resetConflicts(id: ShortcutId): Conflict[] {
    return (shortcutDef(id)?.defaults ?? []).flatMap((binding) => this.conflicts(id, binding));
  }

  /** Puts `id` back to its default keys, taking them away from any shortcut rebound to them. */
  reset(id: ShortcutId): void {
    for (const conflict of this.resetConflicts(id)) {
      this.set(
        conflict.id,
        this.bindingsOf(conflict.id).filter((b) => b !== conflict.binding),
      );
    }
    const overrides = { ...this.overrides };
    delete overrides[id];
    this.overrides = overrides;
    this.save();
  }

  resetAll(): void {
    this.overrides = {};
    this.save();
  }

  get anyCustom(): boolean {
    return Object.keys(this.overrides).length > 0;
  }

  private save(): void {
    try {
      if (Object.keys(this.overrides).length === 0) this.storage?.removeItem(SHORTCUTS_KEY);
      else this.storage?.setItem(SHORTCUTS_KEY, JSON.stringify(this.overrides));
    } catch {
      // Storage full or disabled: the change still holds until the app closes.
    }
  }
}

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** The bindings every screen reads. */
export const shortcuts = new ShortcutBindings();
