// Runs once when the server starts. The check itself is Node-only (it may exit the
// process), so it lives in its own module that the Edge bundle never contains.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
