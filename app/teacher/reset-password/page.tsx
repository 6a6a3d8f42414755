import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/teacher/account-forms";
import { resetPasswordAction } from "../actions";

// The link's token is in this page's address: no Referer carries it anywhere.
export const metadata: Metadata = { title: "Choose a new password — Fact Trail", referrer: "no-referrer" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-extrabold text-steppe-dark">Choose a new password</h1>
      {typeof token === "string" && token ? (
        <>
          <p>After this you sign in with the new password, on every device.</p>
          <ResetPasswordForm action={resetPasswordAction} token={token} />
        </>
      ) : (
        <p>
          This link is incomplete: open the whole link from the mail, or{" "}
          <Link href="/teacher/forgot-password" className="font-semibold underline">
            ask for a new one
          </Link>
          .
        </p>
      )}
    </div>
  );
}
