// The live game end to end: a teacher hosts from a class, a projector window shows the
// lobby, three players join on phones, one reloads mid-question and keeps their seat,
// the host runs the game with the keyboard and the buttons to the podium, in two teams.
// Game screens carry no site menu; the projector no controls and nothing private; the
// phones' options wear the projector's colours and shapes; a pause stops answers; skip and
// end are asked first. axe on the host's, the projector's and the players' views; the
// README's screenshots.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, screenshotPath, waitForSettled } from "./helpers";

const email = `live-${Date.now()}@school.test`;
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

async function phone(browser: Browser, code: string, nickname: string): Promise<Page> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`/join/${code}`);
  await expect(page).toHaveURL(new RegExp(`/live/${code}$`));
  await page.getByLabel("Nickname").fill(nickname);
  await page.getByRole("button", { name: "Join the game" }).click();
  await expect(page.getByRole("heading", { name: "You’re in — look for your name" })).toBeVisible();
  return page;
}

/** A new teacher, signed in on a laptop-sized window, with one class (its page open). */
async function teacherWithClass(page: Page, name: string, address: string, className: string) {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/teacher/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("School email").fill(address);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create teacher account" }).click();
  await expect(page).toHaveURL(/\/teacher$/);
  await page.getByLabel("Class name").fill(className);
  await page.getByRole("button", { name: "Create class" }).click();
}

test("a host and three players play a live game to the podium, one player reloading mid-question", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await teacherWithClass(page, "Ms Aigerim", email, "9B History");
  await page.getByRole("link", { name: "Host live" }).click();
  await expect(page.getByRole("heading", { name: "Host a live game for 9B History" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Number of questions (1–30)").fill("2");
  await page.getByLabel("Seconds per question (5–240)").fill("90");
  await page.getByLabel("Multiple choice only").check();
  await page.getByLabel("Teams").selectOption("2");
  await page.getByRole("button", { name: "Host live" }).click();
  await expect(page).toHaveURL(/\/teacher\/live\/[A-Z0-9]{6}$/);
  const code = page.url().split("/").at(-1)!;
  await expect(page.getByRole("heading", { name: /^Join at/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Start" })).toBeDisabled(); // nobody in yet
  await expectNoAxeViolations(page);

  // The projector: a second window of the teacher's, full screen.
  const projector = await page.context().newPage();
  await projector.setViewportSize({ width: 1366, height: 768 });
  await projector.goto(`/teacher/live/${code}/screen`);
  await expect(projector.getByText("Waiting for the first name…")).toBeVisible();

  const players = [
    await phone(browser, code, "Aru"),
    await phone(browser, code, "Bek"),
    await phone(browser, code, "Dana"),
  ];
  const lobby = projector.getByRole("list", { name: "Players in the lobby" });
  for (const name of ["Aru", "Bek", "Dana"])
    await expect(lobby.getByRole("listitem").filter({ hasText: name })).toBeVisible();
  await expect(projector.getByText("3 players in")).toBeVisible();
  // A game screen: no site menu; on the projector no controls and nothing private (the host removes names).
  await expect(projector.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(projector.getByRole("button")).toHaveText([""]); // the mute button alone
  await expect(projector.getByRole("button", { name: "Sound" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove Dana" })).toBeVisible();
  await expect(page.getByText("Lobby · 3 players")).toBeInViewport(); // the host's bar
  for (const p of players) {
    await expect(p.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(p.getByRole("link", { name: /^Leave/ })).toBeVisible();
    await expect(p.getByText(/^You play for the (Red|Blue) team\.$/)).toBeVisible();
  }
  await expectNoAxeViolations(projector);
  await waitForSettled(projector);
  await projector.screenshot({ path: screenshotPath("screenshot-live-projector.png") });
  await expectNoAxeViolations(players[0]!);
  await players[0]!.screenshot({ path: screenshotPath("screenshot-live-phone-lobby.png") });

  // Space on the host's page starts the game (a clicker sends Space or →).
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Space");
  // A clicker's double press does not end the question it just opened: a second press within a second is held back.
  await expect(page.getByRole("button", { name: "Reveal the answer" })).toBeVisible();
  await page.keyboard.press("Space");
  await expect(page.getByText("Pressed twice? Press again to reveal the answer.")).toBeVisible();
  for (const p of players) await expect(p.getByRole("heading", { name: "Question 1 of 2" })).toBeVisible();
  await expect(projector.getByText("Question 1 of 2")).toBeVisible();
  await expect(projector.getByText("0 of 3 answered")).toBeVisible();
  await expectNoAxeViolations(players[1]!);
  // The phone's options wear the projector's colour and shape for the same place, 44 px and more.
  const projectorOptions = projector.getByRole("listitem");
  const phoneOptions = players[0]!.locator("fieldset button");
  const colour = (l: typeof phoneOptions) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
  for (const [i, shape] of ["triangle", "diamond", "circle", "square"].entries()) {
    await expect(phoneOptions.nth(i)).toHaveAccessibleName(new RegExp(`^${shape}: `));
    expect(await colour(phoneOptions.nth(i))).toBe(await colour(projectorOptions.nth(i)));
    expect((await phoneOptions.nth(i).boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  await expect(players[0]!.getByText(/^(Red|Blue) team$/)).toBeVisible();

  // Aru answers; Bek reloads first (his seat and the open question come back), then answers.
  await players[0]!.locator("fieldset button").first().click();
  await expect(players[0]!.getByText("Answer locked — waiting for the others")).toBeVisible();
  await expect(projector.getByText("1 of 3 answered")).toBeVisible();
  await players[1]!.reload();
  await expect(players[1]!.getByRole("heading", { name: "Question 1 of 2" })).toBeVisible();
  await players[1]!.locator("fieldset button").nth(1).click();
  await expect(players[1]!.getByText("Answer locked — waiting for the others")).toBeVisible();
  // A reload after answering still shows the answer locked.
  await players[1]!.reload();
  await expect(players[1]!.getByText("Answer locked — waiting for the others")).toBeVisible();
  await expectNoAxeViolations(players[1]!);
  await players[2]!.locator("fieldset button").nth(2).click();

  // Everyone answered: the clock reveals, on the projector and on every phone.
  await expect(projector.getByText(/right of 3 answers/)).toBeVisible();
  await expect(projector.getByText(/^Source: /)).toBeVisible();
  for (const p of players) await expect(p.locator("[data-verdict]")).toBeVisible();
  await expect(players[0]!.getByText(/^(1st|2nd|3rd|Joint|No one has scored yet)/).first()).toBeVisible();
  await expectNoAxeViolations(projector);
  await expectNoAxeViolations(players[0]!);
  await projector.screenshot({ path: screenshotPath("screenshot-live-reveal.png") });
  await players[0]!.screenshot({ path: screenshotPath("screenshot-live-phone-result.png") });

  // The host's buttons: the leaderboard, then question 2.
  await page.getByRole("button", { name: "Leaderboard", exact: true }).click();
  await expect(projector.getByRole("heading", { name: "Leaderboard" })).toBeVisible();
  await expect(projector.getByRole("heading", { name: /^Teams/ })).toBeVisible();
  const boardSwitch = page.getByRole("switch", { name: /^Leaderboard after each question/ });
  await expect(boardSwitch).toHaveAttribute("aria-checked", "true");
  await expect(boardSwitch).toContainText("On");
  await expectNoAxeViolations(page);
  // Space on the leaderboard (focus off the buttons, as a clicker leaves it) opens question 2.
  await page.locator("body").click({ position: { x: 5, y: 400 } });
  await page.keyboard.press("Space");
  for (const p of players) await expect(p.getByRole("heading", { name: "Question 2 of 2" })).toBeVisible();
  // "End the game" is asked first, and a clicker's Space on it does nothing.
  const end = page.getByRole("button", { name: "End the game…" });
  await end.focus();
  await page.keyboard.press("Space");
  await expect(page.getByText("End the game now?")).toBeHidden();
  await page.keyboard.press("Enter");
  await expect(page.getByText("End the game now? Everyone goes to the podium and the code closes.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Keep playing" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(end).toBeFocused();
  await page.getByRole("button", { name: "Skip this question…" }).click();
  await expect(page.getByText("Skip question 2 without showing its answer?")).toBeVisible();
  await page.getByRole("button", { name: "Keep playing" }).click();
  await expect(players[0]!.getByRole("heading", { name: "Question 2 of 2" })).toBeVisible();
  // A pause stops the room: the phones say so with their options disabled, and the server refuses answers.
  await page.getByRole("button", { name: "Pause the clock" }).click();
  await expect(projector.getByText("Paused")).toBeVisible();
  for (const p of players) {
    await expect(p.getByText("Paused — wait for your teacher")).toBeVisible();
    await expect(p.locator("fieldset button").first()).toBeDisabled();
  }
  const refused = await players[0]!.request.post(`/api/live/${code}/answers`, { data: { position: 1, response: "x" } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.code).toBe("paused");
  await expectNoAxeViolations(players[0]!);
  await page.getByRole("button", { name: "Resume the clock" }).click();
  for (const p of players) await p.locator("fieldset button").first().click();
  await expect(projector.getByText(/right of 3 answers/)).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(projector.getByRole("heading", { name: "Leaderboard" })).toBeVisible();
  await page.getByRole("button", { name: "Podium" }).click();

  await expect(projector.getByRole("heading", { name: "The podium" })).toBeVisible();
  // The players pick by place, not by answer: either someone scored and stands on the podium, or nobody did and
  // no one "finished 1st" (a game nobody scored in has no winner).
  const top = projector.getByRole("list", { name: "Top three players" });
  const nobodyScored = projector.getByText("Nobody scored this time, so there is no podium.");
  await expect(top.or(nobodyScored)).toBeVisible();
  const scored = await top.isVisible();
  if (scored) await expect(projector.getByRole("list", { name: "Top three teams" })).toBeVisible();
  await expect(projector.getByRole("link", { name: "Open the report" })).toHaveCount(0);
  for (const p of players)
    await expect(
      p.getByRole("heading", { name: scored ? /^You finished (1st|2nd|3rd) of 3$/ : "The game is over" }),
    ).toBeVisible();
  if (!scored) await expect(players[0]!.getByText("Nobody scored this time, so there is no podium.")).toBeVisible();
  await expectNoAxeViolations(projector);
  await expectNoAxeViolations(players[2]!);
  await projector.screenshot({ path: screenshotPath("screenshot-live-podium.png") });

  // The game feeds the report: three students, the podium's link.
  await page.getByRole("link", { name: "Open the report" }).click();
  await expect(page.getByText("Aru").first()).toBeVisible();
  await expect(page.getByText("Dana").first()).toBeVisible();
  // A live game is played once: its finished page offers no "Reopen" (nor "Close").
  await expect(page.getByRole("button", { name: /^(Reopen|Close)/ })).toHaveCount(0);
  for (const p of players) await p.context().close();
});

test("host live from an assignment's settings; teams chosen by the host; a second device rejoins; a removed player is told", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await teacherWithClass(page, "Mr Nurlan", `live-2-${Date.now()}@school.test`, "10A History");
  await page.getByLabel("Title", { exact: true }).fill("Causes of the unrest");
  await page.getByLabel("Number of questions").fill("4");
  await page.getByLabel("Multiple choice only").check();
  await page.getByLabel("Seconds per question (5–600)").fill("45");
  await page.getByRole("button", { name: "Create assignment" }).click();
  await expect(page.getByRole("heading", { name: "Causes of the unrest" })).toBeVisible();

  // "Host live with these settings": the live form starts from the assignment's.
  await page.getByRole("link", { name: "Host live with these settings" }).click();
  await expect(page.getByText("Prefilled with the settings of “Causes of the unrest”")).toBeVisible();
  await expect(page.getByLabel("Number of questions (1–30)")).toHaveValue("4");
  await expect(page.getByLabel("Seconds per question (5–240)")).toHaveValue("45");
  await expect(page.getByLabel("Multiple choice only")).toBeChecked();
  await page.getByLabel("Teams").selectOption("2");
  await page.getByRole("button", { name: "Host live" }).click();
  await expect(page).toHaveURL(/\/teacher\/live\/[A-Z0-9]{6}$/);
  const code = page.url().split("/").at(-1)!;

  const [aru, bek] = [await phone(browser, code, "Aru"), await phone(browser, code, "Bek")];
  await expect(aru.getByText("You play for the Red team.")).toBeVisible();

  // The host moves Aru to the Blue team with the keyboard-usable select; her phone hears it at once.
  const aruTeam = page.getByLabel("Team for Aru");
  await expect(aruTeam).toBeVisible();
  await aruTeam.selectOption("Blue");
  await expect(page.getByText("Aru now plays for the Blue team.")).toBeVisible();
  await expect(aru.getByText("You play for the Blue team.")).toBeVisible();
  await expectNoAxeViolations(page);

  // A second device of Aru's rejoins with the code her phone shows (a name alone would take no seat).
  const rejoinCode = (await aru.locator("strong.font-mono").textContent())!.trim();
  expect(rejoinCode).toMatch(/^[A-Z2-9]{6}$/);
  const laptop = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await laptop.goto(`/live/${code}`);
  await laptop.getByText("Already in this game on another device?").click();
  await laptop.getByLabel("Rejoin code").fill("WRONG2");
  await laptop.getByRole("button", { name: "Rejoin on this device" }).click();
  await expect(laptop.getByText(/That rejoin code is not in this game/)).toBeVisible();
  await expectNoAxeViolations(laptop);
  await laptop.getByLabel("Rejoin code").fill(rejoinCode.toLowerCase());
  await laptop.getByRole("button", { name: "Rejoin on this device" }).click();
  await expect(laptop.getByRole("heading", { name: "You’re in — look for your name" })).toBeVisible();
  await expect(laptop.getByText("Aru", { exact: true })).toBeVisible();
  await expect(laptop.getByText("You play for the Blue team.")).toBeVisible();
  await expect(page.getByText("2 players in")).toBeVisible();

  // The host removes Bek: his phone is told at once, and a reload does not bring him back.
  await page.getByRole("button", { name: "Remove Bek" }).click();
  await expect(bek.getByText("The teacher removed you from this game.")).toBeVisible();
  await bek.reload();
  await expect(bek.getByRole("heading", { name: "You can’t rejoin this game" })).toBeVisible();
  await expect(bek.getByLabel("Nickname")).toHaveCount(0);

  // Both of Aru's devices play the game.
  await page.getByRole("button", { name: "Start" }).click();
  for (const p of [aru, laptop]) await expect(p.getByRole("heading", { name: "Question 1 of 4" })).toBeVisible();
  await laptop.locator("fieldset button").first().click();
  // Aru is the only player left: her answer (from the laptop) closes the question on both her screens.
  for (const p of [aru, laptop]) await expect(p.locator("[data-verdict]")).toBeVisible();
  for (const p of [aru, bek, laptop]) await p.context().close();
});
