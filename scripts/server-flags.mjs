// Node flags for the production server. The young generation's semi-space size is
// a trade between pause and work: a scavenge's pause grows with it, and so does the
// time objects get to die young. At a steady 300 answers/s on these 2-core machines
// the mean scavenge took 3.6 ms at 16 MB (V8's default here), 5.9 at 32, 10 at 64
// and 17 at 128, and the submit-answer tail followed; at saturation an answer cost
// ~1.4 ms of CPU at 16 MB and ~1.2 at 64. 32 MB keeps both targets with a margin
// (docs/decisions/004-play-hot-path-in-sql.md; README "Performance").
//
// --import scripts/server-preload.mjs: stamps each request with the TCP peer's address,
// which Next.js does not pass on (the per-address rate limits key on it), and refuses
// oversized and cross-site requests before Next.js reads them (scripts/request-guards.mjs).
export const SERVER_NODE_ARGS = [
  "--max-semi-space-size=32",
  `--import=${new URL("./server-preload.mjs", import.meta.url).href}`,
];
