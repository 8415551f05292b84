// Editing text in the user's $VISUAL or $EDITOR: the text goes to a private
// temporary file (0600, in a 0700 directory), the editor runs on the terminal
// until it exits, and the file is read back and removed. The caller suspends
// its own use of the terminal around `run` (see the shell's suspend).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJson } from '../request/jsonInput.js';

/** The editor command line: $VISUAL, then $EDITOR, then vi. */
export function editorCommand(env: NodeJS.ProcessEnv): string {
  return env.VISUAL?.trim() || env.EDITOR?.trim() || 'vi';
}

export type EditResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * Runs the editor on `text` and returns what it saved. The command may carry
 * arguments (`code --wait`): it runs through sh with the file as "$1", so the
 * path is never parsed as shell words.
 */
export function editText(text: string, options: { env: NodeJS.ProcessEnv; suffix?: string }): EditResult {
  const dir = mkdtempSync(join(tmpdir(), 'talon-edit-'));
  const file = join(dir, `talon-edit${options.suffix ?? '.txt'}`);
  try {
    writeFileSync(file, text, { mode: 0o600 });
    const command = editorCommand(options.env);
    const run = spawnSync('/bin/sh', ['-c', `${command} "$1"`, 'talon-editor', file], { stdio: 'inherit', env: options.env });
    if (run.error) return { ok: false, message: `Could not start the editor "${command}": ${run.error.message}. Set $VISUAL or $EDITOR.` };
    if (run.status !== 0) return { ok: false, message: `The editor "${command}" exited with status ${run.status ?? run.signal}: the text is left as it was.` };
    return { ok: true, text: readFileSync(file, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A body read back from the editor: undefined when it is JSON (or empty), else one sentence with line and column. */
export function bodyEditProblem(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseJson(text);
  return parsed.ok ? undefined : `The body is not valid JSON at line ${parsed.problem.line}, column ${parsed.problem.column}: ${parsed.problem.message}; it is kept as edited for you to fix.`;
}
