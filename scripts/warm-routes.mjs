// Loads a just-started server's routes before the first class arrives: a few harmless
// requests to each route a class uses (none writes: unknown ids, an empty body), so
// Next.js has loaded and run their modules once. `npm start` runs it before it says the
// server is ready; the benchmarks' and e2e servers (support/server.ts) too.
import http from "node:http";

const FAKE = "warmupwarmupwarmupwarmup";

/** One request on its own connection (closed after), so no idle socket outlives the warm-up. */
function send(origin, method, path, body) {
  return new Promise((resolve) => {
    const req = http.request(
      new URL(path, origin),
      { method, agent: false, headers: body ? { "content-type": "application/json" } : {} },
      (res) => {
        res.resume();
        res.on("end", resolve);
        res.on("error", resolve);
      },
    );
    req.on("error", resolve);
    req.end(body);
  });
}

/** @param {string} origin e.g. http://127.0.0.1:3000 */
export async function warmRoutes(origin, rounds = 5) {
  const requests = [
    ["GET", "/api/ping"],
    ["POST", "/api/join", "{}"],
    ["POST", `/api/attempts/${FAKE}/current`, "{}"],
    ["POST", `/api/attempts/${FAKE}/answers`, JSON.stringify({ position: 0, response: "a" })],
    ["GET", `/api/attempts/${FAKE}/results`],
    ["GET", "/api/leaderboards/practice?period=week"],
    ["GET", "/join"],
    ["GET", `/play/${FAKE}`],
  ];
  for (let i = 0; i < rounds; i++)
    await Promise.all(requests.map(([method, path, body]) => send(origin, method, path, body)));
}
