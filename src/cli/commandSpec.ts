// What shell completion needs to know of the command tree (names, aliases,
// flags and which of them take a value), as plain data. `talon __complete`
// reads a generated copy (data/commandTree.ts) so that a Tab never loads
// commander nor registers every command; scripts/commandTree.mjs writes that
// copy from the real tree with commandSpecOf, and a test keeps the two equal.
import type { Command, Option } from 'commander';

export interface OptionSpec {
  long?: string;
  short?: string;
  /** the flag is followed by a value (`--profile <name>`, `--max-items [n]`) */
  value: boolean;
  choices?: readonly string[];
  hidden?: boolean;
}

export interface CommandSpec {
  name: string;
  aliases?: readonly string[];
  hidden?: boolean;
  options: readonly OptionSpec[];
  commands: readonly CommandSpec[];
}

function optionSpecOf(o: Option): OptionSpec {
  const spec: OptionSpec = { value: Boolean(o.required || o.optional) };
  if (o.long) spec.long = o.long;
  if (o.short) spec.short = o.short;
  if (o.argChoices) spec.choices = [...o.argChoices];
  if (o.hidden) spec.hidden = true;
  return spec;
}

/** The completion-relevant shape of a commander command and everything under it. */
export function commandSpecOf(cmd: Command): CommandSpec {
  const spec: CommandSpec = { name: cmd.name(), options: (cmd.options as readonly Option[]).map(optionSpecOf), commands: cmd.commands.map(commandSpecOf) };
  if (cmd.aliases().length > 0) spec.aliases = [...cmd.aliases()];
  // commander keeps a hidden command's flag private; completion must skip such commands.
  if ((cmd as unknown as { _hidden?: boolean })._hidden) spec.hidden = true;
  return spec;
}
