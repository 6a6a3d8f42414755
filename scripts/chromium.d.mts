export const CHROMIUM_ARGS: string[];
export function resolveChromium(options?: { env?: Record<string, string | undefined>; systemChromium?: string }): {
  executablePath: string;
  args: string[];
  source: string;
};
