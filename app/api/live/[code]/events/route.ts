// GET /api/live/:code/events[?as=host] — the live game's Server-Sent Events stream.
// `clock` (the server's time, once per connection), `state` (the view, id = its version) once per phase change, `me` (a player's own line),
// and for the host `roster` and `count` (at most every 250 ms). Last-Event-ID resumes:
// nothing is re-sent if the browser already has the latest version. A comment every 15 s
// keeps proxies from closing an idle stream.
import { handler } from "@/lib/server/http";
import { liveHub, type LiveConnection } from "@/lib/server/live/hub";
import { liveViewer } from "@/lib/server/live/viewer";

export const dynamic = "force-dynamic";

const encoder = new TextEncoder();

export const GET = handler<{ code: string }>(async (ctx, request, params) => {
  const viewer = await liveViewer(ctx, request, params.code);
  const last = Number(request.headers.get("last-event-id") ?? request.nextUrl.searchParams.get("lastEventId") ?? NaN);
  const hub = liveHub(ctx);
  let detach: (() => void) | null = null;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const connection: LiveConnection = {
        role: viewer.role,
        playerId: viewer.playerId,
        send(chunk) {
          if (closed) return;
          try {
            controller.enqueue(chunk);
          } catch {
            closed = true;
            detach?.();
          }
        },
        close() {
          if (closed) return;
          closed = true;
          try {
            controller.close();
          } catch {
            // Already closed by the browser.
          }
        },
      };
      controller.enqueue(encoder.encode("retry: 2000\n\n"));
      try {
        detach = await hub.attach(viewer.game.id, connection, Number.isInteger(last) ? last : null);
        if (closed) detach();
      } catch (error) {
        controller.enqueue(
          encoder.encode(`event: gone\ndata: ${JSON.stringify({ message: (error as Error).message })}\n\n`),
        );
        controller.close();
      }
    },
    cancel() {
      closed = true;
      detach?.();
    },
  });
  request.signal.addEventListener("abort", () => {
    closed = true;
    detach?.();
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: compression would buffer the stream.
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
      connection: "keep-alive",
    },
  });
});
