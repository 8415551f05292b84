// The request as code (Ctrl+W): the composed request in each format the
// catalog can write, and copying or writing the one picked, with a sentence
// in the shell's message line saying where it went.
import { copyText, describeCopy, type ClipboardTerminal } from '../../core/clipboard/copyText.js';
import { buildRequest } from '../../core/composer/composerState.js';
import { CODE_EXTENSIONS, CODE_FORMATS, type CodeFormat } from '../../core/requestCode/requestCode.js';
import type { EndpointSource } from '../../core/shell/endpointSource.js';
import type { CodeChoice } from '../components/RequestCodeDialog.js';
import { useShellServices } from './ShellContext.js';
import type { ShellModel } from './useShell.js';

const CODE_TITLES: Record<CodeFormat, string> = { curl: 'curl (the token as $FALCON_TOKEN)', falconpy: 'FalconPy (Uber class command())', typescript: 'TypeScript SDK (crowdstrike-falcon)', talon: 'talon request' };

export interface RequestAsCode {
  /** the composed request (as the last key left it) in every format */
  codeChoices(): CodeChoice[];
  copyCode(choice: CodeChoice): void;
  writeCode(choice: CodeChoice): void;
}

export interface RequestAsCodeOptions {
  shell: ShellModel;
  source?: EndpointSource;
  /** where copies go as OSC 52 */
  terminal: ClipboardTerminal;
  env: NodeJS.ProcessEnv;
}

export function useRequestAsCode({ shell, source, terminal, env }: RequestAsCodeOptions): RequestAsCode {
  const { backend, workspace } = useShellServices();
  const { dispatch } = shell;

  const codeChoices = (): CodeChoice[] => {
    const built = buildRequest(shell.latestComposer());
    return CODE_FORMATS.map((format) => {
      if (!built.ok) return { format, title: CODE_TITLES[format], code: { ok: false, message: `Not ready: ${built.problems.join('; ')}` } };
      try {
        const text = source ? source.requestCode(format, built.request, backend.status().baseUrl) : '';
        return { format, title: CODE_TITLES[format], code: source ? { ok: true, text } : { ok: false, message: 'The catalog is still loading.' } };
      } catch (e) {
        return { format, title: CODE_TITLES[format], code: { ok: false, message: (e as Error).message } };
      }
    });
  };

  const copyCode = (choice: CodeChoice): void => {
    if (!choice.code.ok) return;
    try {
      const copied = copyText(choice.code.text, { terminal, env, writeFile: workspace.writeExport }, `request.${CODE_EXTENSIONS[choice.format as CodeFormat]}`);
      dispatch({ type: 'close' });
      shell.setMessage(describeCopy(copied, `the request as ${choice.format}`));
    } catch (e) {
      shell.setMessage(`Could not copy the request: ${(e as Error).message}`, true);
    }
  };

  const writeCode = (choice: CodeChoice): void => {
    if (!choice.code.ok) return;
    try {
      const file = workspace.writeExport(`request.${CODE_EXTENSIONS[choice.format as CodeFormat]}`, `${choice.code.text}\n`);
      dispatch({ type: 'close' });
      shell.setMessage(`Wrote the request as ${choice.format} to ${file}.`);
    } catch (e) {
      shell.setMessage(`Could not write the file: ${(e as Error).message}`, true);
    }
  };

  return { codeChoices, copyCode, writeCode };
}
