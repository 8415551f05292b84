// The commands scripts call in loops, which main.ts runs from the one-shot
// bundle (oneShot.ts). Apart so that main.ts can check a name without loading
// any command.
export const ONE_SHOT_NAMES: ReadonlySet<string> = new Set(['request', 'replay', 'hash-search']);
