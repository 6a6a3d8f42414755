// The host's controls for a live game (the teacher's laptop), with the big screen above them.
import type { Metadata } from "next";
import { LiveHost } from "@/components/live/live-host";
import { Breadcrumbs } from "@/components/teacher/breadcrumbs";
import { appContext } from "@/lib/server/context";
import { orNotFoundPage } from "@/lib/server/errors";
import { hostPageData } from "@/lib/server/live/host-page";
import { requireTeacher } from "@/lib/server/teacher/current-teacher";

export const metadata: Metadata = { title: "Host a live game — Fact Trail" };

export default async function LiveHostPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const teacher = await requireTeacher(`/teacher/live/${encodeURIComponent(code)}`);
  const data = await orNotFoundPage(hostPageData(appContext(), teacher.id, code));
  return (
    <div className="space-y-6">
      <Breadcrumbs trail={[{ href: "/teacher", label: "Your classes" }]} />
      <h1 className="text-3xl font-extrabold text-steppe-dark">{data.title}</h1>
      <p className="text-muted">
        Space or → moves the game on (a presenter’s clicker works). Open the projector view on the room’s screen; these
        controls stay on yours.
      </p>
      <LiveHost {...data} projectorHref={`/teacher/live/${data.code}/screen`} />
    </div>
  );
}
