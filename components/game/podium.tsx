// The top three, on a podium: second, first, third from left to right, rising in turn.
// Read in rank order by screen readers (an ordered list; the visual order is CSS). The
// rise is a CSS animation (off under reduced motion), so a page with a podium needs no
// animation library.
import { formatScore } from "@/lib/format-score";

export interface PodiumEntry {
  rank: number;
  name: string;
  score: number;
  /** The viewer's own place, marked "you". */
  you?: boolean;
}

const STEP = {
  1: { order: "order-2", height: "h-28 sm:h-32", color: "bg-sun text-ink", delay: "[animation-delay:0.5s]" },
  2: { order: "order-1", height: "h-20 sm:h-24", color: "bg-slate-200 text-ink", delay: "[animation-delay:0.25s]" },
  3: { order: "order-3", height: "h-14 sm:h-16", color: "bg-[#e7b98f] text-ink", delay: "" },
} as const;
/** A step's height and colour follow the rank, so a tie stands level ("1" and "1" alike). */
const byRank = (rank: number) => STEP[Math.min(Math.max(rank, 1), 3) as 1 | 2 | 3];

export function Podium({
  entries,
  label,
  size = "card",
}: {
  /** Best first; only the first three are shown. */
  entries: PodiumEntry[];
  /** What the podium ranks ("Top three this week"). */
  label: string;
  /** "card" on a page, "screen" on a projector. */
  size?: "card" | "screen";
}) {
  const top = entries.slice(0, 3);
  if (!top.length) return null;
  const big = size === "screen";
  return (
    <ol aria-label={label} className={`flex items-end justify-center gap-2 ${big ? "gap-6" : ""}`}>
      {top.map((entry, index) => {
        const step = STEP[(index + 1) as 1 | 2 | 3];
        return (
          <li
            key={`${entry.rank}-${entry.name}`}
            className={`flex w-1/3 flex-col items-center ${big ? "max-w-72" : "max-w-44"} ${step.order}`}
          >
            <div className={`mb-1 w-full animate-[podium-name_0.6s_ease-out_backwards] text-center ${step.delay}`}>
              {/* The whole name, wrapped if it must (a 20-character name on a third of a phone). */}
              <p
                className={`font-bold leading-tight text-ink [overflow-wrap:anywhere] ${big ? "text-3xl" : "text-sm sm:text-base"}`}
              >
                {entry.name}
              </p>
              {entry.you && (
                <p>
                  <span className="rounded bg-steppe px-1.5 text-xs font-bold text-white">you</span>
                </p>
              )}
              <p className={`tabular-nums text-muted ${big ? "text-2xl" : "text-sm"}`}>
                {formatScore(entry.score)}
                <span className="sr-only"> points</span>
              </p>
            </div>
            <div
              className={`grid w-full origin-bottom animate-[podium-rise_0.55s_cubic-bezier(0.34,1.4,0.64,1)_backwards] ${step.delay} place-items-start justify-center rounded-t-xl pt-2 ${byRank(entry.rank).height} ${byRank(entry.rank).color} ${big ? "text-5xl" : "text-2xl"} font-extrabold`}
            >
              <span>
                <span className="sr-only">Place </span>
                {entry.rank}
              </span>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
