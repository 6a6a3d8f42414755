import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-3xl font-extrabold text-steppe-dark">Page not found</h1>
      <p>That page does not exist, or the quiz belongs to another browser.</p>
      <Link href="/" className="font-semibold text-steppe-dark underline">
        Back to the start
      </Link>
    </div>
  );
}
