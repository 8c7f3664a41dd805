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

  describe("with the company's single sign-on", () => {
    function companyDesk() {
      const desk = new FakeBackend({ ...sampleData(), session: null });
      desk.managed_ = {
        server_url: "https://support-api.example.com",
        identity_provider: { issuer: "https://login.example.com", client_id: "arbiter-desk", scopes: [] },
        updates: null,
        source: "/etc/arbiter/config.json",
        problem: null,
      };
      useBackend(desk);
      return desk;
    }

    it("offers the company account first, shows the link while the browser step lasts, and signs in", async () => {
      const desk = companyDesk();
      const onSignedIn = vi.fn();
      render(SignIn, { props: { onSignedIn } });
      await fireEvent.click(await screen.findByTestId("sso-sign-in"));
      const link = (await screen.findByTestId("sso-link")) as HTMLInputElement;
      expect(link.value).toContain("https://login.example.com/auth");
      expect(screen.getByTestId("sso-waiting")).toBeTruthy();
      desk.finishCompanySignIn();
      await waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
      expect(onSignedIn.mock.calls[0][0].server_url).toBe("https://support-api.example.com");
    });

    it("goes back to the choice when the agent cancels, without an error", async () => {
      companyDesk();
      const onSignedIn = vi.fn();
      render(SignIn, { props: { onSignedIn } });
      await fireEvent.click(await screen.findByTestId("sso-sign-in"));
      await fireEvent.click(await screen.findByTestId("sso-cancel"));
      await screen.findByTestId("sso-sign-in");
      expect(screen.queryByTestId("sso-error")).toBeNull();
      expect(onSignedIn).not.toHaveBeenCalled();
    });

    it("is not offered when the company set no identity provider", async () => {
      render(SignIn, { props: { onSignedIn: vi.fn() } });
      await screen.findByTestId("token");
      expect(screen.queryByTestId("sso-sign-in")).toBeNull();
    });
  });
});
