// The play API over HTTP: bad input gets a clear 4xx and changes nothing; the client never sets a score.
import { statSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";

async function startPractice(request: APIRequestContext, nickname = "Api Tester") {
  const response = await request.post("/api/practice", { data: { nickname } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { attemptId: string }).attemptId;
}

test("malformed, oversized and out-of-order requests get a clear 4xx", async ({ request }) => {
  const attemptId = await startPractice(request);
  const answers = `/api/attempts/${attemptId}/answers`;
  const cases: [string, Promise<{ status(): number; json(): Promise<unknown> }>, number, RegExp][] = [
    [
      "not JSON",
      request.post(answers, { headers: { "content-type": "application/json" }, data: Buffer.from("{nope") }),
      400,
      /not valid JSON/,
    ],
    [
      "wrong content type",
      request.post(answers, { headers: { "content-type": "text/plain" }, data: "hello" }),
      400,
      /as JSON/,
    ],
    ["missing fields", request.post(answers, { data: { response: "a" } }), 400, /position/],
    ["a negative position", request.post(answers, { data: { position: -1, response: "a" } }), 400, /position/],
    ["a huge string", request.post(answers, { data: { position: 0, response: "x".repeat(5000) } }), 400, /response/],
    [
      "an oversized body",
      request.post(answers, { data: { position: 0, response: "a", pad: "x".repeat(20_000) } }),
      413,
      /larger than/,
    ],
    [
      "a question not served yet",
      request.post(answers, { data: { position: 3, response: "a" } }),
      409,
      /not been asked yet/,
    ],
    [
      "an unknown attempt",
      request.post("/api/attempts/cmunknown0000000000000000/answers", { data: { position: 0, response: "a" } }),
      404,
      /No such quiz/,
    ],
    [
      "a malformed attempt id",
      request.post("/api/attempts/..%2F..%2Fetc/answers", { data: { position: 0, response: "a" } }),
      404,
      /./,
    ],
    ["a bad nickname", request.post("/api/practice", { data: { nickname: "<b>" } }), 422, /letters, numbers/],
    ["a bad leaderboard period", request.get("/api/leaderboards/practice?period=decade"), 400, /period/],
  ];
  for (const [label, pending, status, message] of cases) {
    const response = await pending;
    expect(response.status(), label).toBe(status);
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    if (status !== 404 || label !== "a malformed attempt id") expect(body.error?.message ?? "", label).toMatch(message);
  }
  // Nothing changed: the first question is still unanswered and the score is 0.
  const current = await request.post(`/api/attempts/${attemptId}/current`);
  expect(await current.json()).toMatchObject({ position: 0, attempt: { score: 0, answeredCount: 0 } });
});

test("a score, time or correctness sent by the client is ignored", async ({ request }) => {
  const attemptId = await startPractice(request);
  const served = (await (await request.post(`/api/attempts/${attemptId}/current`)).json()) as {
    question: { type: string; options?: { id: string }[]; items?: { id: string }[] };
  };
  const response =
    served.question.type === "timeline" ? served.question.items!.map((i) => i.id) : served.question.options![0]!.id;
  const answer = await request.post(`/api/attempts/${attemptId}/answers`, {
    data: { position: 0, response, score: 999_999, points: 999_999, correct: true, elapsedMs: 0 },
  });
  expect(answer.status()).toBe(200);
  const feedback = (await answer.json()) as { points: number; score: number };
  expect(feedback.points).toBeLessThanOrEqual(1000);
  expect(feedback.score).toBe(feedback.points);
  // A repeat does not score twice.
  const again = (await (
    await request.post(`/api/attempts/${attemptId}/answers`, { data: { position: 0, response } })
  ).json()) as { score: number; repeated: boolean };
  expect(again).toMatchObject({ score: feedback.score, repeated: true });
});

test("another browser cannot play someone else's attempt", async ({ request, playwright, baseURL }) => {
  const attemptId = await startPractice(request);
  const stranger = await playwright.request.newContext({ baseURL });
  const response = await stranger.post(`/api/attempts/${attemptId}/current`);
  expect(response.status()).toBe(404);
  await stranger.dispose();
});

test("the production server checkpoints SQLite's WAL into the database file by itself", async ({ request }) => {
  const file = process.env.E2E_DATABASE_FILE!;
  const before = statSync(file).size;
  // ~50 stored questions: new pages. Five names, so five new attempts (the same name resumes its quiz).
  for (const name of ["Ann", "Bek", "Cem", "Dana", "Emil"]) await startPractice(request, `Api ${name}`);
  await expect.poll(() => statSync(file).size, { timeout: 8000 }).toBeGreaterThan(before);
});
