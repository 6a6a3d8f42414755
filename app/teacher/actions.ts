"use server";
// Every teacher mutation. Each one finds the signed-in teacher first (or sends
// the browser to sign-in) and passes the teacher's id to lib/, whose queries
// are scoped by owner; nothing here trusts an id from the form on its own.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/app-error";
import { appContext } from "@/lib/server/context";
import { errorFormState } from "@/lib/server/errors";
import { signIn, signOut, signUp } from "@/lib/server/teacher/accounts";
import { closeAssignment, createAssignment, reopenAssignment } from "@/lib/server/teacher/assignments";
import { createClass } from "@/lib/server/teacher/classes";
import { setPlayerHidden, setPlayerRemoved } from "@/lib/server/teacher/moderation";
import { setQuestionHidden } from "@/lib/server/teacher/question-bank";
import {
  applySetCookies,
  requestHeaders,
  safeReturnPath,
  teacherFromRequest,
} from "@/lib/server/teacher/current-teacher";
import type { FormState } from "@/lib/teacher/forms";

/**
 * For the buttons (no form state to show a message in): someone else's or an
 * unknown id is a 404 page, never a server error.
 */
async function orNotFound(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) notFound();
    throw error;
  }
}

async function teacherOrSignIn() {
  const teacher = await teacherFromRequest();
  if (!teacher) redirect("/teacher/sign-in");
  return teacher;
}

const str = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
};

export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const out = await signUp(appContext(), form, await requestHeaders());
    await applySetCookies(out.setCookies);
  } catch (error) {
    return errorFormState(error, form);
  }
  redirect("/teacher");
}

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const out = await signIn(appContext(), form, await requestHeaders());
    await applySetCookies(out.setCookies);
  } catch (error) {
    return errorFormState(error, form);
  }
  redirect(safeReturnPath(form.get("next")));
}

export async function signOutAction(): Promise<void> {
  await applySetCookies(await signOut(appContext(), await requestHeaders()));
  redirect("/teacher/sign-in");
}

export async function createClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  const teacher = await teacherOrSignIn();
  let id: string;
  try {
    id = (await createClass(appContext(), teacher.id, form)).id;
  } catch (error) {
    return errorFormState(error, form);
  }
  redirect(`/teacher/classes/${id}`);
}

export async function createAssignmentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const teacher = await teacherOrSignIn();
  let id: string;
  try {
    id = (await createAssignment(appContext(), teacher.id, str(form, "classId"), form)).id;
  } catch (error) {
    return errorFormState(error, form);
  }
  redirect(`/teacher/assignments/${id}`);
}

/** A button on an assignment's page: act on it as its owner, then show the page again. */
async function onAssignment(form: FormData, act: (ownerId: string, assignmentId: string) => Promise<unknown>) {
  const teacher = await teacherOrSignIn();
  const id = str(form, "assignmentId");
  await orNotFound(() => act(teacher.id, id));
  revalidatePath(`/teacher/assignments/${id}`);
}

export async function closeAssignmentAction(form: FormData): Promise<void> {
  await onAssignment(form, (ownerId, id) => closeAssignment(appContext(), ownerId, id));
}

export async function reopenAssignmentAction(form: FormData): Promise<void> {
  await onAssignment(form, (ownerId, id) => reopenAssignment(appContext(), ownerId, id));
}

export async function setPlayerHiddenAction(form: FormData): Promise<void> {
  const [playerId, hidden] = [str(form, "playerId"), str(form, "hidden") === "true"];
  await onAssignment(form, (ownerId, id) => setPlayerHidden(appContext(), ownerId, id, playerId, hidden));
}

export async function setPlayerRemovedAction(form: FormData): Promise<void> {
  const [playerId, removed] = [str(form, "playerId"), str(form, "removed") === "true"];
  await onAssignment(form, (ownerId, id) => setPlayerRemoved(appContext(), ownerId, id, playerId, removed));
}

export async function setQuestionHiddenAction(form: FormData): Promise<void> {
  const teacher = await teacherOrSignIn();
  const hidden = str(form, "hidden") === "true";
  await orNotFound(() =>
    setQuestionHidden(appContext(), teacher.id, str(form, "topic"), str(form, "questionId"), hidden),
  );
  revalidatePath("/teacher/questions");
}
