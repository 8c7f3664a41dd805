import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import { useBackend } from "../../backend";
import { FakeBackend, sampleData } from "../../backend/fake";
import type { Attachment } from "../../bindings";
import Attachments from "./Attachments.svelte";

const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

function file(name: string, content_type: string, sha: string, size_bytes = 40_000): Attachment {
  return { name, content_type, size_bytes, sha256: sha.repeat(64 / sha.length), content_id: null };
}

describe("Attachments", () => {
  let fake: FakeBackend;
  const photo = file("card.png", "image/png", "a1");
  const statement = file("statement.pdf", "application/pdf", "b2");
  const invoice = file("invoice.pdf", "application/zip", "c3");
  const letter = file("letter.txt", "text/plain", "d4");

  beforeEach(() => {
    fake = new FakeBackend(sampleData());
    fake.attachmentContents = {
      [photo.sha256]: { opened: { content_type: "image/png", disguised_as: null, content: { kind: "image", width: 1, height: 1 } }, pictures: [PNG] },
      [statement.sha256]: { opened: { content_type: "application/pdf", disguised_as: null, content: { kind: "pdf", pages: 3 } }, pictures: [PNG, PNG, PNG] },
      [invoice.sha256]: { opened: { content_type: "application/zip", disguised_as: "pdf", content: { kind: "other", problem: null } } },
      [letter.sha256]: { opened: { content_type: "text/plain", disguised_as: null, content: { kind: "text", text: "Заявление", truncated: false } } },
    };
    fake.tickets[0].messages[0].attachments = [photo, statement, invoice, letter];
    useBackend(fake);
  });

  const show = (caseId: number | null = null) => {
    const { ticket, messages } = fake.tickets[0];
    render(Attachments, { props: { ticketId: ticket.id, messageId: messages[0].id, files: messages[0].attachments, caseId } });
  };

  it("shows a small image inline as the desk drew it, and marks files on this computer", async () => {
    fake.kept.add(letter.sha256);
    show();
    const inline = await screen.findByTestId("inline-image");
    await waitFor(() => expect(inline.querySelector("img")?.getAttribute("src")).toBe(PNG));
    const chips = screen.getAllByTestId("attachment");
    expect(chips.map((c) => c.dataset.name)).toEqual(["card.png", "statement.pdf", "invoice.pdf", "letter.txt"]);
    await waitFor(() => expect(chips[3].textContent).toContain("✓"));
  });

  it("asks for an image's picture at once, not after the desk has opened the file", async () => {
    let answer: () => void = () => {};
    const open = fake.openAttachment.bind(fake);
    fake.openAttachment = (...args) => new Promise((resolve) => (answer = () => resolve(open(...args))));
    show();
    await fireEvent.click(screen.getAllByTestId("attachment")[0]);
    expect((await screen.findByTestId("attachment-picture")).getAttribute("src")).toBe(PNG);
    answer();
    await waitFor(() => expect(screen.getByTestId("attachment-viewer").textContent).toContain("image/png"));
    expect(screen.getByTestId("attachment-picture").getAttribute("src")).toBe(PNG);
  });

  it("pages through a PDF and shows text as text", async () => {
    show();
    await fireEvent.click(screen.getAllByTestId("attachment")[1]);
    await waitFor(() => expect(screen.getByTestId("attachment-page").textContent).toBe("Page 1 of 3"));
    expect(await screen.findByTestId("attachment-picture")).toBeTruthy();
    await fireEvent.click(screen.getByText("Next"));
    expect(screen.getByTestId("attachment-page").textContent).toBe("Page 2 of 3");
    await fireEvent.click(screen.getByText("Close"));

    await fireEvent.click(screen.getAllByTestId("attachment")[3]);
    expect((await screen.findByTestId("attachment-text")).textContent).toBe("Заявление");
  });

  it("says when a name disguises the file, and saves what it cannot show only after a warning", async () => {
    show();
    await fireEvent.click(screen.getAllByTestId("attachment")[2]);
    expect((await screen.findByTestId("disguised")).textContent).toContain(".pdf");
    await screen.findByTestId("attachment-other");
    await fireEvent.click(screen.getByTestId("save-attachment"));
    expect(screen.getByTestId("save-warning")).toBeTruthy();
    expect(fake.savedAttachments).toEqual([]);
    await fireEvent.click(screen.getByTestId("save-attachment"));
    await waitFor(() => expect(fake.savedAttachments).toEqual([{ sha256: invoice.sha256, path: "/home/agent/Downloads/invoice.pdf" }]));
  });

  it("adds an attachment to the ticket's case as evidence in one action", async () => {
    show(7);
    await fireEvent.click(screen.getAllByTestId("attachment")[1]);
    await fireEvent.click(await screen.findByTestId("attachment-evidence"));
    const title = screen.getByTestId("evidence-title") as HTMLInputElement;
    expect(title.value).toBe("statement.pdf");
    await fireEvent.input(title, { target: { value: "Bank statement" } });
    await fireEvent.click(screen.getByText("Add as evidence"));
    await waitFor(() => expect(fake.evidenceFromAttachments).toHaveLength(1));
    expect(fake.evidenceFromAttachments[0]).toMatchObject({ caseId: 7, sha256: statement.sha256, evidence: { title: "Bank statement", kind: "file" } });
  });

  it("says an attachment not on this computer opens once the desk is online", async () => {
    fake.offline = true;
    show();
    await fireEvent.click(screen.getAllByTestId("attachment")[3]);
    expect((await screen.findByRole("alert")).textContent).toContain("opens once the desk reaches the server");
  });
});
