// Node flags for the production server. A larger young generation (semi-space)
// makes scavenges rarer: under a class-sized burst it cut submit-answer p99 from
// ~75–105 ms to ~40 ms on these 2-core machines (see README "Performance").
export const SERVER_NODE_ARGS = ["--max-semi-space-size=64"];
