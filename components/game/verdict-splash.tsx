"use client";
// The verdict, first and large, after every answer: right / partly right / wrong /
// time's up, the points counting up, the streak. Focus lands on the verdict, so a
// screen reader says it at once and a keyboard player's next Tab reaches `action`.
import { useEffect, useRef } from "react";
import { VERDICT_TITLES, type Verdict } from "@/lib/play/verdict";
import { m, useReducedMotion } from "../motion";
import { ScoreTicker } from "./score-ticker";
import { StreakFlame } from "./streak-flame";

const LOOK: Record<Verdict, { box: string; badge: string }> = {
  right: { box: "bg-green-700 text-white", badge: "bg-white text-green-800" },
  partly: { box: "bg-sun text-ink", badge: "bg-white text-ink" },
  wrong: { box: "bg-ember text-white", badge: "bg-white text-ember" },
  "time-up": { box: "bg-slate-700 text-white", badge: "bg-white text-slate-800" },
};

function VerdictIcon({ verdict }: { verdict: Verdict }) {
  const path = {
    right: "M6 12.5l4 4 8-9",
    partly: "M7 12h10",
    wrong: "M7 7l10 10M17 7L7 17",
    "time-up": "M12 7v5l3 2",
  }[verdict];
  return (
    <svg viewBox="0 0 24 24" className="h-8 w-8" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="3">
      {verdict === "time-up" && <circle cx="12" cy="12" r="8" strokeWidth="2.5" />}
      <path d={path} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export interface VerdictSplashProps {
  verdict: Verdict;
  /** Points this answer earned (the server's number), counted up from 0. */
  points: number;
  /** Fully right answers in a row after this one. */
  streak: number;
  /** The streak's share of `points`, when there is one. */
  streakBonus?: number;
  /** A line under the verdict ("4 of 6 pairs in the right order"). */
  detail?: React.ReactNode;
  /** What comes next (a "Next question" button): reachable with one Tab from the verdict. */
  action?: React.ReactNode;
  /** Move focus to the verdict when it appears (default true). */
  focusOnMount?: boolean;
  /** Extra words for screen readers only, read with the verdict ("Score 4200"). */
  spokenSuffix?: string;
}

export function VerdictSplash({
  verdict,
  points,
  streak,
  streakBonus = 0,
  detail,
  action,
  focusOnMount = true,
  spokenSuffix = "",
}: VerdictSplashProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const reduce = useReducedMotion();
  useEffect(() => {
    if (!focusOnMount || !heading.current) return;
    heading.current.focus({ preventScroll: true });
    heading.current.closest("section")?.scrollIntoView?.({ block: "nearest" });
  }, [focusOnMount]);
  const look = LOOK[verdict];
  return (
    <m.section
      aria-labelledby="verdict-title"
      data-verdict={verdict}
      initial={reduce ? false : { opacity: 0, scale: 0.92 }}
      animate={{ opacity: 1, scale: 1 }}
      transition={{ type: "spring", stiffness: 420, damping: 26 }}
      className={`scroll-mt-20 rounded-3xl p-5 shadow-lg sm:p-6 ${look.box}`}
    >
      <div className="flex items-center gap-4">
        <m.span
          initial={reduce ? false : { rotate: -90, scale: 0.4 }}
          animate={{ rotate: 0, scale: 1 }}
          transition={{ type: "spring", stiffness: 300, damping: 14, delay: 0.05 }}
          className={`grid h-14 w-14 shrink-0 place-items-center rounded-full ${look.badge}`}
        >
          <VerdictIcon verdict={verdict} />
        </m.span>
        <div className="min-w-0 flex-1">
          <h2
            id="verdict-title"
            ref={heading}
            tabIndex={-1}
            className="text-3xl font-extrabold leading-tight outline-none sm:text-4xl"
          >
            {VERDICT_TITLES[verdict]}{" "}
            <span className="sr-only">
              {points > 0 ? `${points} points.` : "No points."}
              {streak >= 2 ? ` ${streak} in a row.` : ""}
              {spokenSuffix ? ` ${spokenSuffix}` : ""}
            </span>
          </h2>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1" aria-hidden="true">
            {/* No "+0": a question without points says so in words. */}
            {points > 0 ? (
              <>
                <ScoreTicker value={points} from={0} prefix="+" className="text-2xl font-extrabold" />
                <span className="text-sm font-semibold">
                  points{streakBonus > 0 ? ` (+${streakBonus} streak bonus)` : ""}
                </span>
              </>
            ) : (
              <span className="text-xl font-extrabold">No points this time</span>
            )}
          </p>
        </div>
      </div>
      {(streak >= 2 || detail) && (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <StreakFlame streak={streak} />
          {detail && <p className="font-semibold">{detail}</p>}
        </div>
      )}
      {action && <div className="mt-4">{action}</div>}
    </m.section>
  );
}
