"use server";
// Every teacher mutation. Each one finds the signed-in teacher first (or sends
// the browser to sign-in) and passes the teacher's id to lib/, whose queries
// are scoped by owner; nothing here trusts an id from the form on its own.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { appTeacherDeps, signIn, signOut, signUp } from "@/lib/server/teacher/accounts";
import {
  closeAssignment,
  createAssignment,
  createClass,
  reopenAssignment,
  setPlayerHidden,
  setPlayerRemoved,
} from "@/lib/server/teacher/classes";
import { TeacherError } from "@/lib/server/teacher/errors";
import { setQuestionHidden } from "@/lib/server/teacher/question-bank";
import { applySetCookies, requestHeaders, safeReturnPath, teacherFromRequest } from "@/lib/server/teacher/session";
import type { FormState } from "@/lib/teacher/forms";

/** What the teacher typed comes back with an error, except passwords. */
function keptValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries())
    if (typeof value === "string" && key !== "password" && !key.startsWith("$")) values[key] = value.slice(0, 200);
  return values;
}

function errorState(error: unknown, form: FormData): FormState {
  if (error instanceof TeacherError)
    return { status: "error", message: error.message, fieldErrors: error.fieldErrors, values: keptValues(form) };
  throw error;
}

/**
 * For the buttons (no form state to show a message in): someone else's or an
 * unknown id is a 404 page, never a server error.
 */
async function orNotFound(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof TeacherError) notFound();
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
    const out = await signUp(appTeacherDeps(), form, await requestHeaders());
    await applySetCookies(out.setCookies);
  } catch (error) {
    return errorState(error, form);
  }
  redirect("/teacher");
}

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const out = await signIn(appTeacherDeps(), form, await requestHeaders());
    await applySetCookies(out.setCookies);
  } catch (error) {
    return errorState(error, form);
  }
  redirect(safeReturnPath(form.get("next")));
}

export async function signOutAction(): Promise<void> {
  await applySetCookies(await signOut(appTeacherDeps(), await requestHeaders()));
  redirect("/teacher/sign-in");
}

export async function createClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  const teacher = await teacherOrSignIn();
  let id: string;
  try {
    id = (await createClass(appTeacherDeps().db, teacher.id, form)).id;
  } catch (error) {
    return errorState(error, form);
  }
  redirect(`/teacher/classes/${id}`);
}

export async function createAssignmentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const teacher = await teacherOrSignIn();
  let id: string;
  try {
    id = (await createAssignment(appTeacherDeps().db, teacher.id, str(form, "classId"), form)).id;
  } catch (error) {
    return errorState(error, form);
  }
  redirect(`/teacher/assignments/${id}`);
}

export async function closeAssignmentAction(form: FormData): Promise<void> {
  const teacher = await teacherOrSignIn();
  const id = str(form, "assignmentId");
  await orNotFound(() => closeAssignment(appTeacherDeps().db, teacher.id, id));
  revalidatePath(`/teacher/assignments/${id}`);
}

export async function reopenAssignmentAction(form: FormData): Promise<void> {
  const teacher = await teacherOrSignIn();
  const id = str(form, "assignmentId");
  await orNotFound(() => reopenAssignment(appTeacherDeps().db, teacher.id, id));
  revalidatePath(`/teacher/assignments/${id}`);
}

export async function setPlayerHiddenAction(form: FormData): Promise<void> {
  const teacher = await teacherOrSignIn();
  const id = str(form, "assignmentId");
  await orNotFound(() =>
    setPlayerHidden(appTeacherDeps().db, teacher.id, id, str(form, "playerId"), str(form, "hidden") === "true"),
  );
  revalidatePath(`/teacher/assignments/${id}`);
}

export async function setPlayerRemovedAction(form: FormData): Promise<void> {
  const teacher = await teacherOrSignIn();
  const id = str(form, "assignmentId");
  await orNotFound(() =>
    setPlayerRemoved(appTeacherDeps().db, teacher.id, id, str(form, "playerId"), str(form, "removed") === "true"),
  );
  revalidatePath(`/teacher/assignments/${id}`);
}

export async function setQuestionHiddenAction(form: FormData): Promise<void> {
  const teacher = await teacherOrSignIn();
  await orNotFound(() =>
    setQuestionHidden(
      appTeacherDeps().db,
      teacher.id,
      str(form, "topic"),
      str(form, "questionId"),
      str(form, "hidden") === "true",
    ),
  );
  revalidatePath("/teacher/questions");
}
