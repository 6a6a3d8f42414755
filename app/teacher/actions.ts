"use server";
// Every teacher mutation. Each one finds the signed-in teacher first (or sends
// the browser to sign-in) and passes the teacher's id to lib/, whose queries
// are scoped by owner; nothing here trusts an id from the form on its own.
import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/app-error";
import { redirect } from "next/navigation";
import { appContext } from "@/lib/server/context";
import { errorFormState, orNotFoundPage } from "@/lib/server/errors";
import { hostLiveGame } from "@/lib/server/live/games";
import { signIn, signOut, signUp } from "@/lib/server/teacher/accounts";
import {
  closeAssignment,
  createAssignment,
  reopenAssignment,
  setAssignmentArchived,
} from "@/lib/server/teacher/assignments";
import { createClass, deleteClass, setClassArchived } from "@/lib/server/teacher/classes";
import { addStudents, resetStudentCode, setExtraTime } from "@/lib/server/teacher/students";
import { setPlayerHidden, setPlayerRemoved } from "@/lib/server/teacher/moderation";
import { setQuestionHidden } from "@/lib/server/teacher/question-bank";
import {
  applySetCookies,
  requestHeaders,
  safeReturnPath,
  teacherFromRequest,
} from "@/lib/server/teacher/current-teacher";
import type { FormState } from "@/lib/teacher/forms";

async function teacherOrSignIn() {
  const teacher = await teacherFromRequest();
  if (!teacher) redirect("/teacher/sign-in");
  return teacher;
}

const str = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
};

/**
 * A form: run it, and go to `next(result)` when it worked; a mistake (or a database
 * out of reach) comes back as the form's state, with what was typed.
 */
async function submitForm<T>(form: FormData, run: () => Promise<T>, next: (result: T) => string): Promise<FormState> {
  let result: T;
  try {
    result = await run();
  } catch (error) {
    return errorFormState(error, form);
  }
  redirect(next(result));
}

/** Signing in or up: better-auth's session cookie is passed on to the browser. */
async function authenticate(form: FormData, account: typeof signIn | typeof signUp) {
  const out = await account(appContext(), form, await requestHeaders());
  await applySetCookies(out.setCookies);
}

export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  return submitForm(
    form,
    () => authenticate(form, signUp),
    () => "/teacher",
  );
}

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  return submitForm(
    form,
    () => authenticate(form, signIn),
    () => safeReturnPath(form.get("next")),
  );
}

export async function signOutAction(): Promise<void> {
  await applySetCookies(await signOut(appContext(), await requestHeaders()));
  redirect("/teacher/sign-in");
}

export async function createClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  const teacher = await teacherOrSignIn();
  return submitForm(
    form,
    () => createClass(appContext(), teacher.id, form),
    ({ id }) => `/teacher/classes/${id}`,
  );
}

export async function createAssignmentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const teacher = await teacherOrSignIn();
  return submitForm(
    form,
    () => createAssignment(appContext(), teacher.id, str(form, "classId"), form),
    ({ id }) => `/teacher/assignments/${id}`,
  );
}

/** "Host live" on a class page: a live game in its lobby, and the host's controls. */
export async function hostLiveAction(_prev: FormState, form: FormData): Promise<FormState> {
  const teacher = await teacherOrSignIn();
  return submitForm(
    form,
    () => hostLiveGame(appContext(), teacher.id, str(form, "classId"), form),
    ({ code }) => `/teacher/live/${code}`,
  );
}

/** A button on an assignment's page: act on it as its owner, then show the page again. */
async function onAssignment(form: FormData, act: (ownerId: string, assignmentId: string) => Promise<unknown>) {
  const teacher = await teacherOrSignIn();
  const id = str(form, "assignmentId");
  // No form state to show a message in: someone else's or an unknown id is a 404 page.
  await orNotFoundPage(act(teacher.id, id));
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
  await orNotFoundPage(
    setQuestionHidden(appContext(), teacher.id, str(form, "topic"), str(form, "questionId"), hidden),
  );
  revalidatePath("/teacher/questions");
}

export async function addStudentsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const teacher = await teacherOrSignIn();
  const classId = str(form, "classId");
  return submitForm(
    form,
    async () => {
      await addStudents(appContext(), teacher.id, classId, form);
      revalidatePath(`/teacher/classes/${classId}`);
    },
    () => `/teacher/classes/${encodeURIComponent(classId)}`,
  );
}

/** A button on a roster's student: act as the class's owner, then show the class page again. */
async function onStudent(form: FormData, act: (ownerId: string, studentId: string) => Promise<{ classId: string }>) {
  const teacher = await teacherOrSignIn();
  const { classId } = await orNotFoundPage(act(teacher.id, str(form, "studentId")));
  revalidatePath(`/teacher/classes/${classId}`);
}

export async function resetStudentCodeAction(form: FormData): Promise<void> {
  await onStudent(form, (ownerId, id) => resetStudentCode(appContext(), ownerId, id));
}

export async function setExtraTimeAction(form: FormData): Promise<void> {
  await onStudent(form, async (ownerId, id) => {
    try {
      return await setExtraTime(appContext(), ownerId, id, str(form, "extraTime"));
    } catch (error) {
      // Only a tampered form sends a value the menu does not offer: nothing changes.
      if (error instanceof AppError && error.status === 400 && error.details.classId)
        return { classId: String(error.details.classId) };
      throw error;
    }
  });
}

export async function setAssignmentArchivedAction(form: FormData): Promise<void> {
  const archived = str(form, "archived") === "true";
  await onAssignment(form, (ownerId, id) => setAssignmentArchived(appContext(), ownerId, id, archived));
}

export async function setClassArchivedAction(form: FormData): Promise<void> {
  const teacher = await teacherOrSignIn();
  const id = str(form, "classId");
  await orNotFoundPage(setClassArchived(appContext(), teacher.id, id, str(form, "archived") === "true"));
  revalidatePath(`/teacher/classes/${id}`);
  revalidatePath("/teacher");
}

export async function deleteClassAction(form: FormData): Promise<void> {
  const teacher = await teacherOrSignIn();
  await orNotFoundPage(deleteClass(appContext(), teacher.id, str(form, "classId")));
  revalidatePath("/teacher");
  redirect("/teacher");
}
