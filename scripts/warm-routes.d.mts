export function warmRoutes(origin: string, rounds?: number): Promise<void>;
