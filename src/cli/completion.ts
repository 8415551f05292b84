// `talon completion bash|zsh|fish`: prints a script that completes talon's
// subcommands, flags, profile names, saved request names, endpoint paths
// (segment by segment) and operation names. Each script asks `talon __complete`
// for candidates (see complete.ts), so they follow the catalog and profiles in use.
import type { Command } from 'commander';
import { ExitCode, UserError } from '../core/errors.js';

export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;

const BASH = `# talon completion for bash. Load it with:  source <(talon completion bash)
# or install it:  talon completion bash > ~/.local/share/bash-completion/completions/talon
_talon() {
  local IFS=$'\\n'
  local -a candidates
  candidates=($(talon __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
  COMPREPLY=("\${candidates[@]}")
  local c
  for c in "\${candidates[@]}"; do
    # A path segment with more below it ends in /: no space after it.
    if [[ $c == */ ]]; then compopt -o nospace 2>/dev/null; break; fi
  done
}
complete -o default -o nosort -F _talon talon 2>/dev/null || complete -o default -F _talon talon
`;

const ZSH = `#compdef talon
# talon completion for zsh. Load it with:  source <(talon completion zsh)  (after compinit)
# or install it as _talon in a directory of your $fpath:  talon completion zsh > "\${fpath[1]}/_talon"
_talon() {
  local -a candidates plain slashed
  candidates=("\${(@f)$(talon __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  local c
  for c in "\${candidates[@]}"; do
    [[ -z $c ]] && continue
    if [[ $c == */ ]]; then slashed+=("$c"); else plain+=("$c"); fi
  done
  (( \${#plain} )) && compadd -Q -- "\${plain[@]}"
  # A path segment with more below it ends in /: no space after it.
  (( \${#slashed} )) && compadd -Q -S '' -- "\${slashed[@]}"
  (( \${#plain} + \${#slashed} )) || _files
}
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _talon "$@"
else
  compdef _talon talon
fi
`;

const FISH = `# talon completion for fish. Load it with:  talon completion fish | source
# or install it:  talon completion fish > ~/.config/fish/completions/talon.fish
function __talon_complete
    set -l words (commandline -opc) (commandline -ct)
    talon __complete $words[2..-1] 2>/dev/null
end
complete -c talon -f -a '(__talon_complete)'
`;

export function completionScript(shell: string): string {
  switch (shell) {
    case 'bash':
      return BASH;
    case 'zsh':
      return ZSH;
    case 'fish':
      return FISH;
    default:
      throw new UserError(`There is no completion for '${shell}': use one of ${COMPLETION_SHELLS.join(', ')}.`, ExitCode.usage);
  }
}

export function registerCompletionCommand(program: Command): void {
  program
    .command('completion')
    .description('print a shell completion script: source <(talon completion bash), or see the README to install it')
    .argument('<shell>', COMPLETION_SHELLS.join(', '))
    .action((shell: string) => {
      process.stdout.write(completionScript(shell));
    });
}
