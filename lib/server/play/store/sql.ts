// The SQL text of the play store, shared by both providers: SQLite-style `?`
// placeholders, numbered for PostgreSQL by numberedPlaceholders. Quoted identifiers
// are Prisma's table and column names (prisma/models.prisma).

export const ATTEMPT_SELECT = `SELECT a."id", a."playerId", a."mode", a."topic", a."status", a."score", a."streak", a."correctCount",
  a."answeredCount", a."questionCount", a."settings", p."nickname", s."code" AS "assignmentCode", s."title" AS "assignmentTitle",
  s."dueAt" AS "assignmentDueAt", s."closedAt" AS "assignmentClosedAt"
  FROM "Attempt" a JOIN "Player" p ON p."id" = a."playerId" LEFT JOIN "Assignment" s ON s."id" = a."assignmentId"
  WHERE a."id" = ? AND a."playerId" = ?`;
// Positional parameters in order: position, attempt id, player id.
export const ANSWER_CONTEXT_SELECT = `SELECT a."id", a."playerId", a."mode", a."topic", a."status", a."score", a."streak", a."correctCount",
  a."answeredCount", a."questionCount", a."settings", p."nickname", p."secretHash", s."code" AS "assignmentCode", s."title" AS "assignmentTitle",
  s."dueAt" AS "assignmentDueAt", s."closedAt" AS "assignmentClosedAt",
  q."id" AS "questionRowId", q."position", q."question", q."servedAt", w."response", w."correct", w."credit", w."points", w."elapsedMs", w."detail"
  FROM "Attempt" a JOIN "Player" p ON p."id" = a."playerId" LEFT JOIN "Assignment" s ON s."id" = a."assignmentId"
  LEFT JOIN "AttemptQuestion" q ON q."attemptId" = a."id" AND q."position" = ?
  LEFT JOIN "Answer" w ON w."attemptQuestionId" = q."id"
  WHERE a."id" = ? AND a."playerId" = ?`;
// A live game's answer, in one read (docs/decisions/013): the game's state by its join code,
// the asking player's seat, and (when seated) ANSWER_CONTEXT_SELECT's columns for the seat's
// attempt. Positional parameters in order: player id, position, join code.
export const LIVE_ANSWER_CONTEXT_SELECT = `SELECT g."id" AS "gameId", g."phase" AS "gamePhase", g."questionIndex" AS "gameQuestionIndex",
  g."questionCount" AS "gameQuestionCount", g."phaseStartedAt" AS "gamePhaseStartedAt", g."deadline" AS "gameDeadline",
  g."pausedRemainingMs" AS "gamePausedRemainingMs", g."locked" AS "gameLocked", g."settings" AS "gameSettings",
  g."version" AS "gameVersion", g."assignmentId" AS "gameAssignmentId",
  a."id", a."playerId", a."mode", a."topic", a."status", a."score", a."streak", a."correctCount",
  a."answeredCount", a."questionCount", a."settings", p."nickname", p."secretHash", s."code" AS "assignmentCode", s."title" AS "assignmentTitle",
  s."dueAt" AS "assignmentDueAt", s."closedAt" AS "assignmentClosedAt",
  q."id" AS "questionRowId", q."position", q."question", q."servedAt", w."response", w."correct", w."credit", w."points", w."elapsedMs", w."detail"
  FROM "Assignment" s JOIN "LiveGame" g ON g."assignmentId" = s."id"
  LEFT JOIN "LivePlayer" lp ON lp."gameId" = g."id" AND lp."playerId" = ?
  LEFT JOIN "Attempt" a ON a."id" = lp."attemptId"
  LEFT JOIN "Player" p ON p."id" = a."playerId"
  LEFT JOIN "AttemptQuestion" q ON q."attemptId" = a."id" AND q."position" = ?
  LEFT JOIN "Answer" w ON w."attemptQuestionId" = q."id"
  WHERE s."code" = ?`;
export const CURRENT_SELECT = `SELECT q."id", q."position", q."question", q."servedAt" FROM "AttemptQuestion" q
  WHERE q."attemptId" = ? AND NOT EXISTS (SELECT 1 FROM "Answer" w WHERE w."attemptQuestionId" = q."id")
  ORDER BY q."position" ASC LIMIT 1`;
export const QUESTION_SELECT = `SELECT q."id", q."position", q."question", q."servedAt", w."response", w."correct", w."credit", w."points", w."elapsedMs", w."detail"
  FROM "AttemptQuestion" q LEFT JOIN "Answer" w ON w."attemptQuestionId" = q."id" WHERE q."attemptId" = ? AND q."position" = ?`;
export const INSERT_ANSWER = `INSERT INTO "Answer" ("id", "attemptId", "attemptQuestionId", "response", "correct", "credit", "points", "elapsedMs", "detail", "createdAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("attemptQuestionId") DO NOTHING`;
// The leaderboards (LeaderboardEntry): each board keeps each player's best finished attempt,
// written in the transaction that finishes the attempt. An attempt counts on its
// assignment's board, or, in practice, on its topic's all-time board and on the board of the
// week it finished in (weekKey: that week's Monday, YYYY-MM-DD, UTC). A better result
// replaces the player's row: higher score, else earlier finish, else the smaller attempt id
// (the order in which the boards are read).
const BETTER_ROW = `"attemptId" = excluded."attemptId", "score" = excluded."score",
      "correctCount" = excluded."correctCount", "questionCount" = excluded."questionCount", "finishedAt" = excluded."finishedAt"
    WHERE excluded."score" > "LeaderboardEntry"."score" OR (excluded."score" = "LeaderboardEntry"."score"
      AND (excluded."finishedAt" < "LeaderboardEntry"."finishedAt"
        OR (excluded."finishedAt" = "LeaderboardEntry"."finishedAt" AND excluded."attemptId" < "LeaderboardEntry"."attemptId")))`;
function postToBoards(from: string, where: string, weekKey: string): string {
  return `INSERT INTO "LeaderboardEntry" ("board", "playerId", "attemptId", "score", "correctCount", "questionCount", "finishedAt")
    SELECT CASE k."kind" WHEN 1 THEN 'assignment:' || a."assignmentId" WHEN 2 THEN 'practice:' || a."topic"
        ELSE 'practice-week:' || a."topic" || ':' || CAST(${weekKey} AS TEXT) END,
      a."playerId", a."id", a."score", a."correctCount", a."questionCount", a."finishedAt"
    FROM ${from} CROSS JOIN (SELECT 1 AS "kind" UNION ALL SELECT 2 UNION ALL SELECT 3) k
    WHERE ${where} a."status" = 'finished' AND a."finishedAt" IS NOT NULL
      AND CASE WHEN k."kind" = 1 THEN a."assignmentId" IS NOT NULL ELSE a."mode" = 'practice' END
    ON CONFLICT ("board", "playerId") DO UPDATE SET ${BETTER_ROW}`;
}
/** Posts a finished attempt to its boards. Parameters: the week key, the attempt id. */
export const POST_TO_BOARDS = postToBoards(`"Attempt" a`, `a."id" = ? AND`, "?");
/**
 * Posts an assignment's finished attempts to its board at once, each player's best (for
 * attempts finished outside the play store: a live game's end). Parameter: the assignment id.
 */
export const POST_ASSIGNMENT_BOARD = `INSERT INTO "LeaderboardEntry" ("board", "playerId", "attemptId", "score", "correctCount", "questionCount", "finishedAt")
  SELECT 'assignment:' || b."assignmentId", b."playerId", b."id", b."score", b."correctCount", b."questionCount", b."finishedAt" FROM (
    SELECT a."assignmentId", a."playerId", a."id", a."score", a."correctCount", a."questionCount", a."finishedAt",
      ROW_NUMBER() OVER (PARTITION BY a."playerId" ORDER BY a."score" DESC, a."finishedAt" ASC, a."id" ASC) AS "place"
    FROM "Attempt" a WHERE a."assignmentId" = ? AND a."status" = 'finished' AND a."finishedAt" IS NOT NULL
  ) b WHERE b."place" = 1
  ON CONFLICT ("board", "playerId") DO UPDATE SET ${BETTER_ROW}`;
/** Board names, as postToBoards writes them. */
export const boardName = {
  assignment: (assignmentId: string) => `assignment:${assignmentId}`,
  practice: (topic: string) => `practice:${topic}`,
  practiceWeek: (topic: string, weekKey: string) => `practice-week:${topic}:${weekKey}`,
};
// One board's top rows, best first: one range of the board's index. The players a teacher
// hid or removed in the assignment (the second parameter; '' for practice boards) are skipped.
export const BOARD_SELECT = `SELECT e."attemptId", e."playerId", p."nickname", e."score", e."correctCount", e."questionCount", e."finishedAt"
  FROM "LeaderboardEntry" e JOIN "Player" p ON p."id" = e."playerId"
  WHERE e."board" = ? AND NOT EXISTS (SELECT 1 FROM "AssignmentPlayer" m
    WHERE m."assignmentId" = ? AND m."playerId" = e."playerId" AND (m."hidden" OR m."removed"))
  ORDER BY e."score" DESC, e."finishedAt" ASC, e."attemptId" ASC LIMIT ?`;
/**
 * A class board by join code, in one statement: the assignment, the caller's counter of codes
 * that opened nothing (a RateLimiterFlexible row: the guard against guessing codes), and the
 * board's top rows as BOARD_SELECT reads them (one range of the board's index), each row
 * carrying the assignment and the counter; one row of NULLs where there is no row.
 * Parameters: join code, counter key, row limit.
 */
export const CLASS_BOARD_SELECT = `WITH s AS (SELECT "id", "title", "settings" FROM "Assignment" WHERE "code" = ?),
  r AS (SELECT "points", "expire" FROM "RateLimiterFlexible" WHERE "key" = ?),
  b AS (SELECT e."attemptId", e."playerId", p."nickname", e."score", e."correctCount", e."questionCount", e."finishedAt"
    FROM "LeaderboardEntry" e JOIN "Player" p ON p."id" = e."playerId"
    WHERE e."board" = 'assignment:' || (SELECT "id" FROM s) AND NOT EXISTS (SELECT 1 FROM "AssignmentPlayer" m
      WHERE m."assignmentId" = (SELECT "id" FROM s) AND m."playerId" = e."playerId" AND (m."hidden" OR m."removed"))
    ORDER BY e."score" DESC, e."finishedAt" ASC, e."attemptId" ASC LIMIT ?)
  SELECT s."id" AS "assignmentId", s."title", s."settings", r."points" AS "missPoints", r."expire" AS "missExpire",
    b."attemptId", b."playerId", b."nickname", b."score", b."correctCount", b."questionCount", b."finishedAt"
  FROM (SELECT 1 AS "one") o LEFT JOIN s ON TRUE LEFT JOIN r ON TRUE LEFT JOIN b ON TRUE
  ORDER BY b."score" DESC, b."finishedAt" ASC, b."attemptId" ASC`;
// PostgreSQL, one round trip: record the answer only if the attempt is as it was read
// (still in progress, same streak and answer count) and the question has no answer.
// A concurrent answer to the same attempt changes answeredCount, so the row lock makes
// the second statement re-check and match nothing; the caller then takes the
// transaction path, which tells a duplicate from a finished quiz.
/**
 * The one-statement write; with `memory`, also the player's new memory cards, on the further
 * condition that the cards are as they were read (PG_RECORD_WITH_MEMORY_IF_UNCHANGED).
 */
const recordIfUnchanged = (memory: boolean) => `WITH updated AS (
    UPDATE "Attempt" SET "score" = "score" + $1, "correctCount" = "correctCount" + $2, "answeredCount" = "answeredCount" + 1, "streak" = $3,
      "status" = CASE WHEN "answeredCount" + 1 >= "questionCount" THEN 'finished' ELSE "status" END,
      "finishedAt" = CASE WHEN "answeredCount" + 1 >= "questionCount" THEN $4::timestamp ELSE "finishedAt" END
    WHERE "id" = $5 AND "status" = 'in_progress' AND "streak" = $6 AND "answeredCount" = $7
      AND NOT EXISTS (SELECT 1 FROM "Answer" WHERE "attemptQuestionId" = $8)${memory ? memoryUnchanged() : ""}
    RETURNING "id", "playerId", "assignmentId", "topic", "mode", "score", "correctCount", "questionCount", "finishedAt", "streak", "status"
  ), inserted AS (
    INSERT INTO "Answer" ("id", "attemptId", "attemptQuestionId", "response", "correct", "credit", "points", "elapsedMs", "detail", "createdAt")
    SELECT $9, $5, $8, $10, $11, $12, $1, $13, $14, $4::timestamp FROM updated
  ), posted AS (
    ${postToBoards("updated a", "", "$15")}
  )${memory ? memoryRemembered() : ""}
  SELECT "score", "streak", "status" FROM updated`;
export const RECORD_IF_UNCHANGED = recordIfUnchanged(false);
export const UPDATE_ATTEMPT = `UPDATE "Attempt" SET "score" = "score" + ?, "correctCount" = "correctCount" + ?, "answeredCount" = "answeredCount" + 1,
  "streak" = ?, "status" = CASE WHEN "answeredCount" + 1 >= "questionCount" THEN 'finished' ELSE "status" END,
  "finishedAt" = CASE WHEN "answeredCount" + 1 >= "questionCount" THEN ? ELSE "finishedAt" END
  WHERE "id" = ? RETURNING "score", "streak", "status"`;

// ---- The memory model (docs/decisions/015): one row per player, topic and item. ----
const MEMORY_STATE = `"due", "stability", "difficulty", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "lastRating"`;
const MEMORY_UPDATE_SET = `"kind" = excluded."kind", "due" = excluded."due", "stability" = excluded."stability",
  "difficulty" = excluded."difficulty", "scheduledDays" = excluded."scheduledDays", "learningSteps" = excluded."learningSteps",
  "reps" = excluded."reps", "lapses" = excluded."lapses", "state" = excluded."state", "lastReview" = excluded."lastReview",
  "lastRating" = excluded."lastRating"`;
/** SQLite: one item's card. Parameters: player id, topic, item. */
export const MEMORY_SELECT_ONE = `SELECT "item", "kind", ${MEMORY_STATE} FROM "Memory" WHERE "playerId" = ? AND "topic" = ? AND "item" = ?`;
/** SQLite: one item's new card. Parameters: player id, topic, item, kind, then the state in MEMORY_STATE's order. */
export const MEMORY_UPSERT_ONE = `INSERT INTO "Memory" ("playerId", "topic", "item", "kind", ${MEMORY_STATE})
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("playerId", "topic", "item") DO UPDATE SET ${MEMORY_UPDATE_SET}`;
/** PostgreSQL: the cards of a list of items. Parameters: player id, topic, items (text[]). */
export const PG_MEMORY_SELECT = `SELECT "item", "kind", ${MEMORY_STATE} FROM "Memory" WHERE "playerId" = $1 AND "topic" = $2 AND "item" = ANY($3::text[])`;
const MEMORY_ARRAY_TYPES = ["text", "text", "timestamp", "float8", "float8", "int", "int", "int", "int", "int", "int"];
/**
 * PostgreSQL: this answer's new cards as rows, from 11 parallel arrays (item, kind, due, stability,
 * difficulty, scheduledDays, learningSteps, reps, lapses, state, lastRating) at parameters `numbers`.
 */
const pgMemoryRows = (numbers: number[]) =>
  `unnest(${numbers.map((n, i) => `$${n}::${MEMORY_ARRAY_TYPES[i]}[]`).join(", ")})
    AS m("item", "kind", "due", "stability", "difficulty", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastRating")`;
const pgMemoryInsert = (player: string, topic: string, reviewed: string) =>
  `INSERT INTO "Memory" ("playerId", "topic", "item", "kind", ${MEMORY_STATE})
    SELECT ${player}, ${topic}, m."item", m."kind", m."due", m."stability", m."difficulty", m."scheduledDays", m."learningSteps",
      m."reps", m."lapses", m."state", ${reviewed}, m."lastRating"`;
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
/** PostgreSQL, inside a transaction: upsert the cards. Parameters: player id, topic, review time, then the 11 arrays. */
export const PG_MEMORY_UPSERT = `${pgMemoryInsert("$1", "$2", "$3::timestamp")} FROM ${pgMemoryRows(range(4, 11))}
  ON CONFLICT ("playerId", "topic", "item") DO UPDATE SET ${MEMORY_UPDATE_SET}`;
// PostgreSQL, one round trip: RECORD_IF_UNCHANGED plus the memory cards, on the further
// condition that the cards are as they were read ($19: the sum of their `reps`, which every
// review raises). Parameters $1–$15 as RECORD_IF_UNCHANGED; $16 player id, $17 topic,
// $18 the items (text[]), $19 that sum, $20–$29 the other 10 arrays of the new cards.
function memoryUnchanged() {
  return `
      AND (SELECT COALESCE(SUM("reps"), 0) FROM "Memory" WHERE "playerId" = $16 AND "topic" = $17 AND "item" = ANY($18::text[])) = $19`;
}
function memoryRemembered() {
  return `, remembered AS (
    ${pgMemoryInsert("$16", "$17", "$4::timestamp")} FROM updated, ${pgMemoryRows([18, ...range(20, 10)])}
    ON CONFLICT ("playerId", "topic", "item") DO UPDATE SET ${MEMORY_UPDATE_SET}
  )`;
}
export const PG_RECORD_WITH_MEMORY_IF_UNCHANGED = recordIfUnchanged(true);
