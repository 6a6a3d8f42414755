// Request bodies are read as streams with a byte limit (issue 13, finding 4), and a body cut off midway
// is the client's doing, not a database outage (finding 13).
import { describe, expect, it } from "vitest";
import { readBodyText } from "@/lib/server/http";

const post = (body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/join", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
    duplex: "half",
  } as RequestInit);

describe("readBodyText", () => {
  it("stops reading an endless body at the limit and cancels the stream", async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(readBodyText(post(endless), 8 * 1024)).rejects.toMatchObject({ status: 413, code: "too_large" });
    expect(pulled).toBeLessThan(12);
    expect(cancelled).toBe(true);
  });

  it("refuses a declared oversized body without reading it", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled++;
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    await expect(readBodyText(post(body, { "content-length": "999999" }), 8 * 1024)).rejects.toMatchObject({
      status: 413,
    });
    expect(pulled).toBe(0);
  });

  it("answers a body that stops arriving with a 400, not a 503", async () => {
    const cut = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(10));
        controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    await expect(readBodyText(post(cut))).rejects.toMatchObject({ status: 400, code: "incomplete_body" });
  });

  it("reads a body within the limit, multi-byte characters whole", async () => {
    const text = JSON.stringify({ nickname: "Айгерім ✓" });
    await expect(readBodyText(post(text))).resolves.toBe(text);
  });
});
