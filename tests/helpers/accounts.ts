// Signing a teacher up in a test that needs the session: where no mail is configured a sign-up signs in.
import { signUp, type AuthOutcome } from "@/lib/server/teacher/accounts";

export async function signedUp(...args: Parameters<typeof signUp>): Promise<AuthOutcome> {
  const out = await signUp(...args);
  if (!out.signedIn) throw new Error(`signing up ${out.email} did not sign in (is mail configured?)`);
  return out;
}
