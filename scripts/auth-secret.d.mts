export function ensureAuthSecret(env: NodeJS.ProcessEnv, root: string): NodeJS.ProcessEnv;
export function ephemeralAuthSecret(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
