import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: "Fact Trail — Kazakhstan, January 2022",
  description:
    "A classroom quiz game on the January 2022 unrest in Kazakhstan: timelines and multiple-choice questions, each grounded in a cited paragraph of the source report.",
};

export const viewport: Viewport = { themeColor: "#0d5c63", width: "device-width", initialScale: 1 };

/**
 * The header's links sit 4 px below the top of the page: their focus ring goes inside their box
 * (the default 3 px offset and 3 px ring would run off the top of the viewport).
 */
const HEADER_LINK = "focus-visible:-outline-offset-3";

const MAIN_LINKS = [
  ["/study", "Study"],
  ["/join", "Join"],
  ["/leaderboard", "Leaderboard"],
  ["/teacher", "Teachers"],
] as const;

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, so Next.js can put
  // this response's CSP nonce (set by proxy.ts) on its scripts.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
        >
          Skip to content
        </a>
        <header data-site-chrome className="border-b border-black/10 bg-white/70 backdrop-blur print:hidden">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-2 px-2 py-1 sm:px-4">
            <Link
              href="/"
              className={`flex min-h-11 items-center gap-2 px-2 text-lg font-bold tracking-tight text-steppe-dark ${HEADER_LINK}`}
            >
              <span aria-hidden="true" className="inline-block h-3 w-3 rotate-45 rounded-sm bg-sun" />
              Fact Trail
            </Link>
            <nav aria-label="Main">
              <ul className="flex flex-wrap text-sm font-semibold text-steppe-dark">
                {MAIN_LINKS.map(([href, label]) => (
                  <li key={href}>
                    <Link
                      href={href}
                      className={`inline-flex min-h-11 min-w-11 items-center justify-center px-2 ${HEADER_LINK}`}
                    >
                      {label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 pb-16 pt-6 sm:pt-8">
          {children}
        </main>
        <footer data-site-chrome className="border-t border-black/10 py-6 text-center text-sm text-muted print:hidden">
          Fact Trail is open source. Questions are written in our own words from a FRANCE 24 report (with AFP and
          Reuters) of 6 January 2022; every answer cites its paragraph.
        </footer>
      </body>
    </html>
  );
}
