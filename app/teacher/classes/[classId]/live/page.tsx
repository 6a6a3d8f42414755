// "Host live" for a class: the live game's settings; the lobby opens on the host's page.
// ?from=ASSIGNMENT (an assignment of this class: "Host live with these settings") prefills them.
import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/teacher/breadcrumbs";
import { LiveGameForm } from "@/components/teacher/live-form";
import { liveSettingsFromAssignment } from "@/lib/live/settings";
import { appContext } from "@/lib/server/context";
import { orNotFoundPage } from "@/lib/server/errors";
import { getAssignment } from "@/lib/server/teacher/assignments";
import { getClass } from "@/lib/server/teacher/classes";
import { requireTeacher } from "@/lib/server/teacher/current-teacher";
import { hostLiveAction } from "../../../actions";

export const metadata: Metadata = { title: "Host a live game — Fact Trail" };

export default async function HostLivePage({
  params,
  searchParams,
}: {
  params: Promise<{ classId: string }>;
  searchParams: Promise<{ from?: string | string[] }>;
}) {
  const { classId } = await params;
  const { from } = await searchParams;
  const teacher = await requireTeacher(`/teacher/classes/${encodeURIComponent(classId)}/live`);
  const ctx = appContext();
  const klass = await orNotFoundPage(getClass(ctx, teacher.id, classId));
  // Another teacher's, another class's or an unknown assignment prefills nothing (and says nothing).
  const source =
    typeof from === "string"
      ? await getAssignment(ctx, teacher.id, from)
          .then((a) => (a.classId === klass.id ? a : null))
          .catch(() => null)
      : null;
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
      {source && (
        <p role="status" className="rounded-xl border border-steppe/30 bg-white p-3">
          Prefilled with the settings of “{source.title}”. Change anything before you host.
        </p>
      )}
      <div className="rounded-xl bg-white p-4 shadow-sm">
        <LiveGameForm
          action={hostLiveAction}
          classId={klass.id}
          defaults={source ? liveSettingsFromAssignment(source.settings) : undefined}
        />
      </div>
    </div>
  );
}
