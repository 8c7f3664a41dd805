import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useBackend } from "../../backend";
import { FakeBackend, sampleData } from "../../backend/fake";
import SignIn from "./SignIn.svelte";

describe("SignIn", () => {
  beforeEach(() => {
    localStorage.clear();
    useBackend(new FakeBackend({ ...sampleData(), session: null }));
  });

  it("explains a refused token and does not sign in", async () => {
    const onSignedIn = vi.fn();
    render(SignIn, { props: { onSignedIn } });
    await fireEvent.input(screen.getByTestId("token"), { target: { value: "wrong" } });
    await fireEvent.click(screen.getByTestId("sign-in"));
    const error = await screen.findByTestId("sign-in-error");
    expect(error.textContent).toContain("did not accept this token");
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it("signs in and remembers the server address, not the token", async () => {
    const onSignedIn = vi.fn();
    render(SignIn, { props: { onSignedIn } });
    await fireEvent.input(screen.getByTestId("server-url"), { target: { value: "https://support-api.example.com" } });
    await fireEvent.input(screen.getByTestId("token"), { target: { value: "good-token" } });
    await fireEvent.click(screen.getByTestId("sign-in"));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
    expect(localStorage.getItem("arbiter.lastServerUrl")).toBe("https://support-api.example.com");
    expect(JSON.stringify({ ...localStorage })).not.toContain("good-token");
  });
});
