// "Host live" for a class: the live game's settings; the lobby opens on the host's page.
import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/teacher/breadcrumbs";
import { LiveGameForm } from "@/components/teacher/live-form";
import { appContext } from "@/lib/server/context";
import { orNotFoundPage } from "@/lib/server/errors";
import { getClass } from "@/lib/server/teacher/classes";
import { requireTeacher } from "@/lib/server/teacher/current-teacher";
import { hostLiveAction } from "../../../actions";

export const metadata: Metadata = { title: "Host a live game — Fact Trail" };

export default async function HostLivePage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const teacher = await requireTeacher(`/teacher/classes/${encodeURIComponent(classId)}/live`);
  const klass = await orNotFoundPage(getClass(appContext(), teacher.id, classId));
  return (
    <div className="max-w-xl space-y-6">
      <Breadcrumbs
        trail={[
          { href: "/teacher", label: "Your classes" },
          { href: `/teacher/classes/${klass.id}`, label: klass.name },
        ]}
      />
      <h1 className="text-3xl font-extrabold text-steppe-dark">Host a live game for {klass.name}</h1>
      <p className="text-muted">
        Kazakhstan, January 2022. The next screen is the lobby: show its code and QR on the projector, and start when
        the names are in.
      </p>
      <div className="rounded-xl bg-white p-4 shadow-sm">
        <LiveGameForm action={hostLiveAction} classId={klass.id} />
      </div>
    </div>
  );
}
