// What the attachment list decides from the server's type (told from the bytes on the
// server; the desk tells it again from the bytes when it opens the file).

/** Images at most this big show inline (the desk fetches them ahead for the agent's tickets). */
export const INLINE_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

const IMAGES = ["image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp"];

export function isImage(contentType: string): boolean {
  return IMAGES.includes(contentType.split(";")[0].trim().toLowerCase());
}
