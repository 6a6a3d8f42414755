// A console.error or console.warn during a test is a bug (a React warning, an
// unhandled rejection logged by a library): fail the test that caused it.
import { afterEach, beforeEach, vi, type MockInstance } from "vitest";

let spies: MockInstance[] = [];

beforeEach(() => {
  spies = (["error", "warn"] as const).map((method) => vi.spyOn(console, method).mockImplementation(() => {}));
});

afterEach(() => {
  const calls = spies.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(" ")));
  for (const spy of spies) spy.mockRestore();
  if (calls.length) throw new Error(`Unexpected console output:\n${calls.join("\n")}`);
});
