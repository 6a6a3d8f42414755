// The projector view of an assignment: the join code, link and QR code as large as the
// wall allows, and who has joined (names and progress, never scores). Updates by itself.
import type { Metadata } from "next";
import Link from "next/link";
import QRCode from "qrcode";
import { LiveDashboard } from "@/components/teacher/live-dashboard";
import { appContext } from "@/lib/server/context";
import { orNotFoundPage } from "@/lib/server/errors";
import { siteOrigin } from "@/lib/server/site-origin";
import { getAssignment } from "@/lib/server/teacher/assignments";
import { requireTeacher } from "@/lib/server/teacher/current-teacher";
import { assignmentProgress } from "@/lib/server/teacher/progress";
import { withoutScores } from "@/lib/teacher/live-progress";

export const metadata: Metadata = { title: "Join code — Fact Trail" };

export default async function ProjectorPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const teacher = await requireTeacher(`/teacher/assignments/${encodeURIComponent(assignmentId)}/projector`);
  const ctx = appContext();
  const [assignment, progress] = await orNotFoundPage(
    Promise.all([getAssignment(ctx, teacher.id, assignmentId), assignmentProgress(ctx, teacher.id, assignmentId)]),
  );
  const joinUrl = `${await siteOrigin(ctx)}/join/${assignment.code}`;
  const qr = await QRCode.toString(joinUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return (
    <div className="space-y-8">
      <Link href={`/teacher/assignments/${assignment.id}`} className="text-sm underline">
        Back to the assignment
      </Link>
      <div className="grid items-center gap-8 md:grid-cols-[1fr_auto]">
        <div className="space-y-4">
          <h1 className="text-4xl font-extrabold text-steppe-dark">{assignment.title}</h1>
          <p className="text-2xl">
            Go to <span className="font-bold break-all">{joinUrl.replace(/\/[^/]+$/, "")}</span> and type
          </p>
          <p
            className="font-mono text-7xl font-extrabold tracking-[0.3em] text-ink sm:text-8xl"
            aria-label={`Join code: ${[...assignment.code].join(" ")}`}
          >
            {assignment.code}
          </p>
        </div>
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr)}`}
          alt={`QR code for the join link ${joinUrl}`}
          width={320}
          height={320}
          className="h-72 w-72 md:h-80 md:w-80"
        />
      </div>
      <section aria-labelledby="joined" className="space-y-3">
        <h2 id="joined" className="text-2xl font-bold">
          Who has joined
        </h2>
        <LiveDashboard
          url={`/teacher/assignments/${assignment.id}/progress?scores=0`}
          initial={withoutScores(progress)}
          showScores={false}
        />
      </section>
    </div>
  );
}
