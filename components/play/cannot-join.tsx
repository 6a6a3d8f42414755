// What a join link shows when its code cannot be joined (unknown, closed, over …), with the way back.
import Link from "next/link";

export function CannotJoin({ title, message }: { title: string; message: string }) {
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-extrabold text-steppe-dark">{title}</h1>
      <p role="alert" className="rounded-xl border border-ember/40 bg-white p-4 text-ember">
        {message}
      </p>
      <Link href="/join" className="inline-block font-semibold text-steppe-dark underline">
        Type another code
      </Link>
    </div>
  );
}
