// Runs once when the server starts, before it serves a request. The checks and the
// warm-up are Node-only (they may exit the process, they open the database), so they
// live in their own module that the Edge bundle never contains.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./instrumentation-node")).start();
}
