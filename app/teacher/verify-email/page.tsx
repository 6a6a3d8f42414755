import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailForm } from "@/components/teacher/account-forms";
import { verifyEmailAction } from "../actions";

// The link's token is in this page's address: no Referer carries it anywhere.
export const metadata: Metadata = { title: "Confirm your email address — Fact Trail", referrer: "no-referrer" };

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-extrabold text-steppe-dark">Confirm your email address</h1>
      {typeof token === "string" && token ? (
        <>
          <p>One click confirms that this address is yours and signs you in.</p>
          <ConfirmEmailForm action={verifyEmailAction} token={token} />
        </>
      ) : (
        <p>
          This link is incomplete: open the whole link from the mail, or{" "}
          <Link href="/teacher/sign-in" className="font-semibold underline">
            sign in
          </Link>{" "}
          and send yourself a new one.
        </p>
      )}
    </div>
  );
}
