// Requests "from" an address in tests that call the app in-process: the header
// scripts/peer-address.mjs stamps on a real server with the TCP peer's address.
import { PEER_ADDRESS_HEADER } from "@/lib/server/client-address";

// In-process, the tests stand where the preload would: they write the header themselves.
(globalThis as Record<symbol, unknown>)[Symbol.for("fact-trail.peer-address")] = true;

/** Headers (as a record) of a request whose TCP peer is `ip`. */
export const fromAddress = (ip: string): Record<string, string> => ({ [PEER_ADDRESS_HEADER]: ip });
