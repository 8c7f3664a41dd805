import { tauriBackend } from "./tauri";
import type { Backend } from "./types";

export * from "./types";

let current: Backend = tauriBackend;

/** The backend every screen uses. */
export function backend(): Backend {
  return current;
}

/** Swaps the backend (tests, browser harnesses). Call before mounting the app. */
export function useBackend(next: Backend): void {
  current = next;
}
