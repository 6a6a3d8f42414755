"use client";
// Two charts for the report (recharts): the distribution of best scores and
// the share correct per question. Each bar carries its number as text, axes are
// labelled, and the tables beside them hold the same data, so nothing depends
// on colour; the SVG is hidden from screen readers in favour of those tables.
// Each chart takes its box's width (ResponsiveContainer measures it), so it fits a
// phone, a tablet and one of the two columns on a wide screen alike
// (tests/e2e/teacher.spec.ts checks 390, 768 and 1366 px).
import { useId, type ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";

const INK = "#14202b";
const BAR = "#0d5c63";

/** A chart with its caption; the SVG hidden from screen readers, which read `summary` instead. */
function ChartFigure({ caption, summary, children }: { caption: string; summary: string; children: ReactNode }) {
  const captionId = useId();
  return (
    // overflow-hidden: for the moment after a resize before the chart re-measures, it never widens the page.
    <figure className="min-w-0 overflow-hidden" aria-labelledby={captionId}>
      <figcaption id={captionId} className="font-semibold">
        {caption}
      </figcaption>
      <div aria-hidden="true">{children}</div>
      <p className="sr-only">{summary}</p>
    </figure>
  );
}

type ScoreBin = { label: string; count: number };
type QuestionBar = { label: string; percent: number };

export function ScoreDistributionChart({ bins }: { bins: ScoreBin[] }) {
  return (
    <ChartFigure
      caption="Best scores: how many students in each range"
      summary={bins.map((b) => `${b.label}: ${b.count} student${b.count === 1 ? "" : "s"}`).join("; ")}
    >
      <ResponsiveContainer width="100%" height={240} minWidth={0} initialDimension={{ width: 320, height: 240 }}>
        <BarChart data={bins} margin={{ top: 20, right: 10, bottom: 30, left: 10 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="label"
            tick={{ fill: INK, fontSize: 12 }}
            label={{ value: "Score", position: "insideBottom", offset: -20, fill: INK }}
          />
          <YAxis
            allowDecimals={false}
            tick={{ fill: INK, fontSize: 12 }}
            label={{ value: "Students", angle: -90, position: "insideLeft", fill: INK }}
          />
          <Bar dataKey="count" fill={BAR} isAnimationActive={false}>
            <LabelList dataKey="count" position="top" fill={INK} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function QuestionAccuracyChart({ rows }: { rows: QuestionBar[] }) {
  return (
    <ChartFigure
      caption="Share of students right, per question (hardest first)"
      summary={rows.map((r) => `${r.label}: ${r.percent}% right`).join("; ")}
    >
      <ResponsiveContainer
        width="100%"
        height={Math.max(120, rows.length * 28 + 50)}
        minWidth={0}
        initialDimension={{ width: 320, height: Math.max(120, rows.length * 28 + 50) }}
      >
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ top: 10, right: 50, bottom: 20, left: 10 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            unit="%"
            tick={{ fill: INK, fontSize: 12 }}
          />
          <YAxis type="category" dataKey="label" width={40} tick={{ fill: INK, fontSize: 12 }} />
          {/* minPointSize keeps a 0% bar (and so its label) visible. */}
          <Bar dataKey="percent" fill={BAR} isAnimationActive={false} minPointSize={2}>
            <LabelList dataKey="percent" position="right" fill={INK} formatter={(v: unknown) => `${String(v)}%`} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
