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

describe("AssignmentForm", () => {
  it("shows a message by each wrong field, marks it invalid, and focuses an announced summary", async () => {
    const user = userEvent.setup();
    render(<AssignmentForm action={validatingAction} classId="c1" />);
    await user.clear(screen.getByLabelText("Number of questions"));
    await user.type(screen.getByLabelText("Number of questions"), "80");
    await user.clear(screen.getByLabelText("Seconds per question (5–600)"));
    await user.type(screen.getByLabelText("Seconds per question (5–600)"), "2");
    await user.click(screen.getByRole("button", { name: "Create assignment" }));

    const summary = await screen.findByRole("alert");
    // The summary takes focus in an effect after it renders: wait for it (a loaded machine can be a render behind).
    await waitFor(() => expect(summary).toHaveFocus());
    expect(summary).toHaveTextContent("Check the highlighted fields.");
    expect(within(summary).getByRole("link", { name: "Title: Give the assignment a title." })).toHaveAttribute(
      "href",
      "#field-title",
    );
    expect(screen.getByLabelText("Title")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Title")).toHaveAccessibleDescription(/Give the assignment a title\./);
    expect(screen.getByLabelText("Number of questions")).toHaveAccessibleDescription("Ask at most 50 questions.");
    // Values the teacher typed are kept.
    expect(screen.getByLabelText("Number of questions")).toHaveValue(80);
  });

  it("checks the time limit only when timed, and a due time after the opening time", async () => {
    const user = userEvent.setup();
    render(<AssignmentForm action={validatingAction} classId="c1" />);
    await user.type(screen.getByLabelText("Title"), "Week 3");
    await user.click(screen.getByRole("checkbox", { name: "Timed questions" }));
    expect(screen.queryByLabelText("Seconds per question (5–600)")).toBeNull();
    await user.type(screen.getByLabelText("Opens (optional)"), "2026-03-05T09:00");
    await user.type(screen.getByLabelText("Due (optional)"), "2026-03-04T09:00");
    await user.click(screen.getByRole("button", { name: "Create assignment" }));
    const summary = await screen.findByRole("alert");
    expect(
      within(summary)
        .getAllByRole("link")
        .map((a) => a.textContent),
    ).toEqual(["Due: The due time must be after the opening time."]);
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
    render(<AssignmentForm action={action} classId="c1" />);
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
