// The assignment form against the real validator (lib/teacher/assignment-form.ts)
// standing in for the server action: messages appear by their fields and are announced.
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AssignmentForm } from "@/components/teacher/assignment-form";
import { AuthForm } from "@/components/teacher/auth-form";
import { parseAssignmentForm } from "@/lib/teacher/assignment-form";
import type { FormState } from "@/lib/teacher/forms";

/** What the server action does with a form, minus the database. */
async function validatingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = parseAssignmentForm(form, new Date("2026-03-01T00:00:00Z"));
  if (result.ok) return { status: "ok", message: "created" };
  return {
    status: "error",
    message: "Check the highlighted fields.",
    fieldErrors: result.fieldErrors,
    values: Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])),
  };
}

type User = ReturnType<typeof userEvent.setup>;

/** Opens on 5 March at 09:00, due the day before. */
async function dueBeforeItOpens(user: User) {
  await user.type(screen.getByLabelText("Opens (optional)"), "2026-03-05T09:00");
  await user.type(screen.getByLabelText("Due (optional)"), "2026-03-04T09:00");
}

/** Submits a new assignment that the validator refuses: its error summary (an alert) and the summary's links, in order. */
async function submitRefused(user: User) {
  await user.click(screen.getByRole("button", { name: "Create assignment" }));
  const summary = await screen.findByRole("alert");
  return { summary, links: within(summary).getAllByRole("link") };
}

describe("AssignmentForm", () => {
  it("shows a message by each wrong field, marks it invalid, announces a summary and focuses the first", async () => {
    const user = userEvent.setup();
    render(<AssignmentForm action={validatingAction} classId="c1" timeZone="UTC" />);
    await user.clear(screen.getByLabelText("Number of questions"));
    await user.type(screen.getByLabelText("Number of questions"), "80");
    await user.clear(screen.getByLabelText("Seconds per question (5–600)"));
    await user.type(screen.getByLabelText("Seconds per question (5–600)"), "2");
    const { summary, links } = await submitRefused(user);
    // The first wrong field takes focus in an effect after it renders: wait for it (a loaded machine can be a render behind).
    await waitFor(() => expect(screen.getByLabelText("Title")).toHaveFocus());
    expect(summary).toHaveTextContent("Check the highlighted fields.");
    expect(within(summary).getByRole("link", { name: "Title: Give the assignment a title." })).toHaveAttribute(
      "href",
      "#field-title",
    );
    expect(screen.getByLabelText("Title")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Title")).toHaveAccessibleDescription(/Give the assignment a title\./);
    expect(screen.getByLabelText("Number of questions")).toHaveAccessibleDescription("Ask at most 50 questions.");
    // Every mistake at once, in the form's order: the time limit too, not on a later submit.
    expect(links.map((a) => a.getAttribute("href"))).toEqual([
      "#field-title",
      "#field-count",
      "#field-timeLimitSeconds",
    ]);
    // Values the teacher typed are kept.
    expect(screen.getByLabelText("Number of questions")).toHaveValue(80);
  });

  it("checks the time limit only when timed, and a due time after the opening time", async () => {
    const user = userEvent.setup();
    render(<AssignmentForm action={validatingAction} classId="c1" timeZone="UTC" />);
    await user.type(screen.getByLabelText("Title"), "Week 3");
    await user.click(screen.getByRole("checkbox", { name: "Timed questions" }));
    expect(screen.queryByLabelText("Seconds per question (5–600)")).toBeNull();
    await dueBeforeItOpens(user);
    const { links } = await submitRefused(user);
    expect(links.map((a) => a.textContent)).toEqual(["Due: The due time must be after the opening time."]);
  });

  it("reports a too-short time limit and a due time before the opening in one submit, each beside its field", async () => {
    const user = userEvent.setup();
    render(<AssignmentForm action={validatingAction} classId="c1" timeZone="Asia/Almaty" />);
    await user.type(screen.getByLabelText("Title"), "Week 4");
    const seconds = screen.getByLabelText("Seconds per question (5–600)");
    await user.clear(seconds);
    await user.type(seconds, "3");
    await dueBeforeItOpens(user);
    const { links } = await submitRefused(user);
    expect(links.map((a) => a.textContent)).toEqual([
      "Seconds per question: Allow between 5 and 600 seconds per question.",
      "Due: The due time must be after the opening time.",
    ]);
    const due = screen.getByLabelText("Due (optional)");
    await waitFor(() => expect(screen.getByLabelText("Seconds per question (5–600)")).toHaveFocus());
    expect(screen.getByLabelText("Seconds per question (5–600)")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Seconds per question (5–600)")).toHaveAccessibleDescription(
      "Allow between 5 and 600 seconds per question.",
    );
    expect(due).toHaveAttribute("aria-invalid", "true");
    expect(due).toHaveAccessibleDescription(/Asia\/Almaty.*The due time must be after the opening time\./);
    expect(screen.getByLabelText("Opens (optional)")).not.toHaveAttribute("aria-invalid");
    // What was typed is kept.
    expect(screen.getByLabelText("Title")).toHaveValue("Week 4");
    expect(screen.getByLabelText("Seconds per question (5–600)")).toHaveValue(3);
    expect(due).toHaveValue("2026-03-04T09:00");
  });

  it("focuses the chosen option of a radio group when that group is the first mistake", async () => {
    const user = userEvent.setup();
    // A tampered form the server refused: the group's error is on its fieldset (radios take no aria-invalid).
    const action = async (): Promise<FormState> => ({
      status: "error",
      message: "Check the highlighted fields.",
      fieldErrors: {
        leaderboard: "Choose what the leaderboard shows.",
        kinds: "Choose which kinds of question to ask.",
      },
      values: { title: "Week 5", kinds: "timeline", leaderboard: "full" },
    });
    render(<AssignmentForm action={action} classId="c1" timeZone="UTC" />);
    await user.click(screen.getByRole("button", { name: "Create assignment" }));
    const summary = await screen.findByRole("alert");
    // Listed in the form's order, whatever order the server sent.
    expect(
      within(summary)
        .getAllByRole("link")
        .map((a) => a.getAttribute("href")),
    ).toEqual(["#field-kinds", "#field-leaderboard"]);
    await waitFor(() => expect(screen.getByLabelText("Timelines only")).toHaveFocus());
    expect(screen.getByRole("group", { name: "Kinds of question" })).toHaveAccessibleDescription(
      /Choose which kinds of question to ask\./,
    );
  });

  it("explains the timelines-only cap beside the choice", () => {
    render(<AssignmentForm action={validatingAction} classId="c1" timeZone="UTC" timelineMax={7} />);
    expect(screen.getByRole("group", { name: "Kinds of question" })).toHaveAccessibleDescription(
      /Timelines only: at most 7 questions\. No two timelines in a quiz may share more than one event/,
    );
  });

  it("names the chosen kinds' real limit when too many questions are asked: timelines only with 99 says 7, once", async () => {
    const user = userEvent.setup();
    const capacity = (kinds: readonly string[], wanted: number) =>
      Math.min(wanted, kinds.length === 1 && kinds[0] === "timeline" ? 7 : 50);
    const action = async (_prev: FormState, form: FormData): Promise<FormState> => {
      const result = parseAssignmentForm(form, new Date("2026-03-01T00:00:00Z"), { capacity });
      if (result.ok) return { status: "ok", message: "created" };
      return { status: "error", message: "Check the highlighted fields.", fieldErrors: result.fieldErrors };
    };
    render(<AssignmentForm action={action} classId="c1" timeZone="UTC" timelineMax={7} />);
    await user.type(screen.getByLabelText("Title"), "Week 3");
    await user.clear(screen.getByLabelText("Number of questions"));
    await user.type(screen.getByLabelText("Number of questions"), "99");
    await user.click(screen.getByLabelText("Timelines only"));
    const { links } = await submitRefused(user);
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAccessibleName(/^Number of questions: Ask at most 7 questions with timelines only/);
    expect(screen.getByLabelText("Number of questions")).toHaveAccessibleDescription(
      /^Ask at most 7 questions with timelines only/,
    );
    expect(screen.getByLabelText("Number of questions")).not.toHaveAccessibleDescription(/50/);
  });

  it("edits: starts from the stored values; once students have started, locks what would change their answers and says why", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (_prev: FormState, form: FormData): Promise<FormState> => {
      // Disabled (locked) fields are not sent: the server keeps their stored values.
      expect([...form.keys()].sort()).toEqual(
        ["assignmentId", "attemptsAllowed", "dueAt", "leaderboard", "opensAt", "title"].sort(),
      );
      expect(form.get("title")).toBe("Week 3, edited");
      expect(form.get("attemptsAllowed")).toBe("unlimited");
      return { status: "ok", message: "saved" };
    });
    render(
      <AssignmentForm
        action={action}
        assignmentId="a1"
        started
        timeZone="Asia/Almaty"
        initial={{
          title: "Week 3",
          count: "7",
          kinds: "timeline",
          timed: "on",
          timeLimitSeconds: "30",
          speedBonus: "on",
          streakBonus: "",
          attemptsAllowed: "3",
          questionOrder: "same",
          opensAt: "2026-03-02T09:00",
          dueAt: "",
          leaderboard: "full",
        }}
      />,
    );
    expect(screen.getByLabelText("Title")).toHaveValue("Week 3");
    expect(screen.getByLabelText("Opens (optional)")).toHaveValue("2026-03-02T09:00");
    const count = screen.getByLabelText("Number of questions");
    expect(count).toBeDisabled();
    expect(count).toHaveValue(7);
    expect(count).toHaveAccessibleDescription(/students have started.*duplicate the assignment/i);
    expect(screen.getByLabelText("Timelines only")).toBeDisabled();
    expect(screen.getByLabelText("Timelines only")).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Timed questions" })).toBeDisabled();
    expect(screen.getByLabelText("Seconds per question (5–600)")).toBeDisabled();
    expect(screen.getByRole("checkbox", { name: "Streak bonus" })).toBeDisabled();
    // Attempts may only go up: 1 is off the menu, 3 and unlimited are not.
    expect(screen.getByRole("radio", { name: "1" })).toBeDisabled();
    expect(screen.getByRole("radio", { name: "3" })).toBeChecked();
    await user.click(screen.getByRole("radio", { name: "Unlimited" }));
    await user.type(screen.getByLabelText("Title"), ", edited");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(action).toHaveBeenCalledTimes(1);
  });

  it("sends every setting the teacher chose", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (_prev: FormState, form: FormData): Promise<FormState> => {
      const parsed = parseAssignmentForm(form, new Date("2026-03-01T00:00:00Z"));
      expect(parsed).toEqual({
        ok: true,
        value: {
          title: "Course of events",
          settings: {
            count: 7,
            kinds: ["timeline"],
            timeLimitSeconds: 90,
            speedBonus: false,
            streakBonus: false,
            attemptsAllowed: 1,
            sameQuestions: false,
            leaderboard: "hidden",
          },
          opensAt: null,
          dueAt: null,
        },
      });
      return { status: "ok", message: "created" };
    });
    render(<AssignmentForm action={action} classId="c1" timeZone="UTC" />);
    await user.type(screen.getByLabelText("Title"), "Course of events");
    await user.clear(screen.getByLabelText("Number of questions"));
    await user.type(screen.getByLabelText("Number of questions"), "7");
    await user.click(screen.getByLabelText("Timelines only"));
    await user.clear(screen.getByLabelText("Seconds per question (5–600)"));
    await user.type(screen.getByLabelText("Seconds per question (5–600)"), "90");
    await user.click(screen.getByRole("checkbox", { name: "Speed bonus" }));
    await user.click(screen.getByRole("checkbox", { name: "Streak bonus" }));
    await user.click(screen.getByRole("radio", { name: "1" }));
    await user.click(screen.getByLabelText("A different selection for each student"));
    await user.click(screen.getByLabelText("Hidden from students"));
    await user.click(screen.getByRole("button", { name: "Create assignment" }));
    expect(action).toHaveBeenCalledTimes(1);
  });
});

describe("AuthForm", () => {
  it("never puts a typed password back into the form after an error", async () => {
    const user = userEvent.setup();
    const action = async (_prev: FormState, form: FormData): Promise<FormState> => ({
      status: "error",
      message: "That email and password do not match an account.",
      fieldErrors: {},
      values: { email: String(form.get("email")) },
    });
    render(<AuthForm mode="sign-in" action={action} />);
    await user.type(screen.getByLabelText("School email"), "a@school.test");
    await user.type(screen.getByLabelText("Password"), "secret password");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("That email and password do not match an account.");
    expect(screen.getByLabelText("School email")).toHaveValue("a@school.test");
    expect(screen.getByLabelText("Password")).toHaveValue("");
  });
});
