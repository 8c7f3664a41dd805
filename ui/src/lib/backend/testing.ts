// Test setup shared by component tests: a fake desk with the sample data, ready to use.
import { useBackend } from ".";
import { FakeBackend, sampleData } from "./fake";
import { DeskState } from "../stores/desk.svelte";

/** A FakeBackend in use and an initialised DeskState on it. `prepare` edits the data first. */
export async function fakeDesk(prepare?: (fake: FakeBackend) => void): Promise<{ fake: FakeBackend; desk: DeskState }> {
  const fake = new FakeBackend(sampleData());
  prepare?.(fake);
  useBackend(fake);
  const desk = new DeskState();
  await desk.init();
  return { fake, desk };
}
