// The projector view of a live game: the big screen, full window, high contrast, nothing
// private; the lobby's controls (start, lock, remove a name) and Space/→ to move on.
import type { Metadata } from "next";
import { LiveHost } from "@/components/live/live-host";
import { appContext } from "@/lib/server/context";
import { orNotFoundPage } from "@/lib/server/errors";
import { hostPageData } from "@/lib/server/live/host-page";
import { requireTeacher } from "@/lib/server/teacher/current-teacher";

export const metadata: Metadata = { title: "Live game — projector" };

export default async function LiveScreenPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const teacher = await requireTeacher(`/teacher/live/${encodeURIComponent(code)}/screen`);
  const data = await orNotFoundPage(hostPageData(appContext(), teacher.id, code));
  return (
    <>
      <h1 className="sr-only">{data.title} — projector view</h1>
      <LiveHost {...data} projector />
    </>
  );
}
