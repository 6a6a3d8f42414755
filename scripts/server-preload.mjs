// What the production server loads before Next.js (`node --import`, scripts/server-flags.mjs): the TCP
// peer's address for the rate limits, and the refusals Next.js would make too late or as a 500.
import "./peer-address.mjs";
import "./request-guards.mjs";
