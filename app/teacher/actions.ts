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
import { resendConfirmation, verifyEmail } from "@/lib/server/teacher/email-verification";
import { requestPasswordReset, resetPassword } from "@/lib/server/teacher/password-reset";
import {
  closeAssignment,
  createAssignment,
  duplicateAssignment,
  reopenAssignment,
  setAssignmentArchived,
  updateAssignment,
} from "@/lib/server/teacher/assignments";
import { createClass, deleteClass, renameClass, setClassArchived } from "@/lib/server/teacher/classes";
import { rememberBrowserTimeZone, setTeacherTimeZone } from "@/lib/server/teacher/time-zone";
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

/**
 * Signing up: signed in at once (better-auth's session cookie is passed on), or, where mail is configured, told
 * to check the inbox, in the same words whether or not the address already had an account. The browser's time
 * zone (a hidden field the form fills from Intl) becomes the teacher's.
 */
export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  let out;
  try {
    out = await signUp(appContext(), form, await requestHeaders());
  } catch (error) {
    return errorFormState(error, form);
  }
  if (!out.signedIn)
    // Not signed in until the address is confirmed: the zone is saved at the first sign-in (still the default then).
    return {
      status: "ok",
      message: `Check your inbox at ${out.email}: we have sent a link that confirms your address and signs you in. It works for 24 hours.`,
    };
  await rememberBrowserTimeZone(appContext(), out.teacher.id, form.get("timeZone"), { replace: "always" });
  await applySetCookies(out.setCookies);
  redirect("/teacher");
}

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  return submitForm(
    form,
    async () => {
      const ctx = appContext();
      const out = await signIn(ctx, form, await requestHeaders());
      // A zone the teacher chose on the account page is not undone by a laptop set to another one.
      await rememberBrowserTimeZone(ctx, out.teacher.id, form.get("timeZone"), { replace: "only-default" });
      await applySetCookies(out.setCookies);
    },
    () => safeReturnPath(form.get("next")),
  );
}

/** "Forgot password?": the same answer whether or not an account uses the address. */
export async function forgotPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const email = await requestPasswordReset(appContext(), form, await requestHeaders());
    return {
      status: "ok",
      message: `If a teacher account uses ${email}, we have sent it a link to choose a new password. The link works once, for an hour. No mail? Check the spam folder, or ask again in a few minutes.`,
    };
  } catch (error) {
    return errorFormState(error, form);
  }
}

/** The reset link's page: a new password, then sign in with it (every session of the account has ended). */
export async function resetPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  return submitForm(
    form,
    () => resetPassword(appContext(), form),
    () => "/teacher/sign-in?reset=done",
  );
}

/** The confirmation link's page: "Confirm" posts here (a mail scanner's visit to the link confirms nothing). */
export async function verifyEmailAction(_prev: FormState, form: FormData): Promise<FormState> {
  return submitForm(
    form,
    async () => applySetCookies(await verifyEmail(appContext(), form.get("token"), await requestHeaders())),
    () => "/teacher?confirmed=1",
  );
}

/** The banner's "Send the link again". */
export async function resendConfirmationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const teacher = await teacherOrSignIn();
  try {
    const outcome = await resendConfirmation(appContext(), teacher, await requestHeaders());
    if (outcome === "sent") return { status: "ok", message: `We have sent a new link to ${teacher.email}.` };
    return {
      status: "error",
      fieldErrors: {},
      message:
        outcome === "already-confirmed"
          ? "Your email address is already confirmed: there is nothing to send."
          : "This server sends no mail, so there is no link to send. Ask whoever runs it.",
    };
  } catch (error) {
    return errorFormState(error, form);
  }
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

export async function updateAssignmentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const teacher = await teacherOrSignIn();
  return submitForm(
    form,
    () => updateAssignment(appContext(), teacher.id, str(form, "assignmentId"), form),
    ({ id }) => {
      revalidatePath(`/teacher/assignments/${id}`);
      return `/teacher/assignments/${id}`;
    },
  );
}

export async function duplicateAssignmentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const teacher = await teacherOrSignIn();
  return submitForm(
    form,
    () => duplicateAssignment(appContext(), teacher.id, str(form, "assignmentId"), str(form, "classId")),
    ({ id }) => `/teacher/assignments/${id}`,
  );
}

export async function renameClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  const teacher = await teacherOrSignIn();
  return submitForm(
    form,
    () => renameClass(appContext(), teacher.id, str(form, "classId"), form),
    ({ id }) => {
      revalidatePath("/teacher");
      return `/teacher/classes/${id}`;
    },
  );
}

/** The account page's time zone: every teacher page shows times in it, and forms read typed times in it. */
export async function setTimeZoneAction(_prev: FormState, form: FormData): Promise<FormState> {
  const teacher = await teacherOrSignIn();
  return submitForm(
    form,
    () => setTeacherTimeZone(appContext(), teacher.id, form.get("timeZone")),
    () => {
      revalidatePath("/teacher", "layout");
      return "/teacher/account?saved=1";
    },
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
