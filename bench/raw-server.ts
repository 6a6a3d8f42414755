// A measured prototype, not part of the app (docs/decisions/012-cpu-budget.md): the answer
// path on plain node:http, outside Next.js — the same body rules, cookie, store and
// submitAnswer as POST /api/attempts/:id/answers — and a constant GET /api/ping, so
// `npm run bench -- --only cpu` can say what Next.js costs per request.
// Run by bench/cpu.ts: tsx --conditions=react-server bench/raw-server.ts PORT DATABASE_URL
import http from "node:http";
import { z } from "zod";
import { AppError } from "../lib/app-error";
import { loadConfig } from "../lib/config.mjs";
import { createContext } from "../lib/server/context";
import { parsePlayerCookie, PLAYER_COOKIE } from "../lib/server/play/player";
import { submitAnswer } from "../lib/server/play/submit-answer";
import { warmUp } from "../lib/server/warm-up";

const [port, databaseUrl] = process.argv.slice(2);
const ctx = createContext(loadConfig({ NODE_ENV: "test", DATABASE_URL: databaseUrl }));
const body = z.object({
  position: z.number().int().min(0).max(49),
  response: z.union([z.string().max(16), z.array(z.string().max(64)).max(6), z.null()]),
});
const cookieOf = (header: string | undefined) =>
  header
    ?.split(/;\s*/)
    .find((c) => c.startsWith(`${PLAYER_COOKIE}=`))
    ?.slice(PLAYER_COOKIE.length + 1);
const json = (res: http.ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(value));
};

const server = http.createServer(async (req, res) => {
  if (req.method === "GET" && req.url === "/api/ping") return json(res, 200, { ok: true });
  // The bench reads this process's own CPU time (all threads), before and after a round.
  if (req.method === "GET" && req.url === "/cpu") return json(res, 200, process.cpuUsage());
  const match = /^\/api\/attempts\/([a-z0-9]{20,32})\/answers$/.exec(req.url ?? "");
  if (req.method !== "POST" || !match) return json(res, 404, { error: "not found" });
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const input = body.parse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    const cookie = parsePlayerCookie(cookieOf(req.headers.cookie));
    json(res, 200, await submitAnswer(ctx, { attemptId: match[1]!, cookie, ...input }));
  } catch (error) {
    json(res, error instanceof AppError ? error.status : 400, { error: String(error) });
  }
});
await warmUp(ctx);
server.listen(Number(port), "127.0.0.1", () => console.error(`raw server on ${port}`));
