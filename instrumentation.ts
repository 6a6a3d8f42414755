// Runs once when the server starts: a production server without a strong
// teacher sign-in secret refuses to start (exit 1), and says what to set.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { authSecret } = await import("./lib/server/auth-secret");
  try {
    authSecret();
  } catch (error) {
    console.error(`Fact Trail cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}
