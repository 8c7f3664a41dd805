import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { fakeDesk } from "../../backend/testing";
import Diagnostics from "./Diagnostics.svelte";

describe("Diagnostics", () => {
  it("offers a crash's diagnostics once, and shows them on request", async () => {
    const { fake } = await fakeDesk((f) => {
      f.crash = { file: "crash-20261207T100000.000Z.txt", note: "Where: src-tauri/x.rs:1:2" };
    });
    render(Diagnostics);
    await fireEvent.click(await screen.findByTestId("crash-diagnostics"));
    const text = await screen.findByTestId("diagnostics-text");
    expect(text.textContent).toContain("Last crash (crash-20261207T100000.000Z.txt)");
    await fireEvent.click(screen.getByTestId("diagnostics-close"));
    await fireEvent.click(screen.getByTestId("crash-dismiss"));
    await waitFor(() => expect(screen.queryByTestId("crash-notice")).toBeNull());
    expect(fake.crash).toBeNull();
  });

  it("without a crash shows only the way to the diagnostics", async () => {
    await fakeDesk();
    render(Diagnostics);
    await fireEvent.click(screen.getByTestId("diagnostics-open"));
    expect((await screen.findByTestId("diagnostics-text")).textContent).toContain("No crash recorded.");
    expect(screen.queryByTestId("crash-notice")).toBeNull();
  });
});
