// Injected by esbuild (scripts/build.mjs) and vitest (vitest.config.ts) from package.json.
declare const __TALON_VERSION__: string;

export const TALON_VERSION: string = __TALON_VERSION__;
export const USER_AGENT = `talon/${TALON_VERSION}`;
