// Why a Learn-mode question was asked, in words (the browser shows it on the question).
import type { LearnReason } from "../quiz/question";

export function reasonText(reason: LearnReason): string {
  switch (reason.kind) {
    case "swapped":
      return `You swapped “${reason.events[0]}” and “${reason.events[1]}” last time`;
    case "missed":
      return "You missed this last time";
    case "due":
      return "Due for review";
    case "new":
      return "New";
    case "refresh":
      return "A refresher: the weakest of what you know";
  }
}
