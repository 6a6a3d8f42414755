// Runs once when the server starts: a production server without a strong
// teacher sign-in secret refuses to start, and says what to set.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { authSecret } = await import("./lib/server/auth-secret");
  authSecret();
}
