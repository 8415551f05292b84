// The shell's overlays: command palette, profiles, history, saved requests,
// the save and curl dialogs, and the wizards. Each takes the keys while open
// (its layer sits above the panes; a barrier keeps the panes from the rest).
// The bigger ones load on first use (lazyView.tsx); this file, the barrier
// and the keymap stay in the shell's own chunk, so their keys work at once.
import React, { useMemo } from 'react';
import { Box } from 'ink';
import type { ApiRequest } from '../../core/http/types.js';
import { BINDINGS, type Command } from '../keys/keymap.js';
import type { Overlay } from '../../core/shell/shellState.js';
import { ProfileSwitcher } from '../components/ProfileSwitcher.js';
import type { PaletteEntry } from '../components/CommandPalette.js';
import { SaveDialog } from '../components/SaveDialog.js';
import type { CodeChoice } from '../components/RequestCodeDialog.js';
import { lazyView } from './lazyView.js';
import type { IdleStep } from './idleWork.js';
import type { ContainmentState } from '../../core/wizards/containment/types.js';
import type { HashSearchState } from '../../core/wizards/hashSearch/machine.js';
import type { ContainmentDeps } from '../../core/wizards/containment/effects.js';
import { KeyLayer, Priority, useKeypress } from '../keys/KeypressProvider.js';
import { useShellServices } from './ShellContext.js';

const CommandPalette = lazyView('command palette', async () => (await import('../components/CommandPalette.js')).CommandPalette);
const HistoryPane = lazyView('history', async () => (await import('../panes/HistoryPane.js')).HistoryPane);
const SavedPane = lazyView('saved requests', async () => (await import('../panes/SavedPane.js')).SavedPane);
const RequestCodeDialog = lazyView('request as code', async () => (await import('../components/RequestCodeDialog.js')).RequestCodeDialog);
const ContainmentWizard = lazyView('containment wizard', async () => (await import('../wizards/ContainmentWizard.js')).ContainmentWizard);
const HashSearchWizard = lazyView('hash search', async () => (await import('../wizards/HashSearchWizard.js')).HashSearchWizard);
const VulnsView = lazyView('vulnerabilities view', async () => (await import('../wizards/VulnsView.js')).VulnsView);
const Dashboard = lazyView('dashboard', async () => (await import('../dashboard/Dashboard.js')).Dashboard);
const AlertsWizard = lazyView('alerts triage', async () => (await import('../wizards/AlertsWizard.js')).AlertsWizard);
/** The curl dialog with its parser, which turns a pasted command into a request. */
const CurlImport = lazyView('curl import', async () => {
  const [{ CurlImportDialog }, { fromCurl }] = await Promise.all([import('../components/CurlImportDialog.js'), import('../../core/curl/fromCurl.js')]);
  return function CurlImport({ width, baseUrl, onClose, load }: { width: number; baseUrl: string; onClose(): void; load(req: ApiRequest): void }): React.JSX.Element {
    return (
      <CurlImportDialog
        width={width}
        onClose={onClose}
        onImport={(text) => {
          try {
            load(fromCurl(text, { baseUrl }).request);
            return undefined;
          } catch (e) {
            return (e as Error).message;
          }
        }}
      />
    );
  };
});

const LAZY_VIEWS = [CommandPalette, HistoryPane, SavedPane, RequestCodeDialog, ContainmentWizard, HashSearchWizard, VulnsView, Dashboard, AlertsWizard, CurlImport];

/** Loading each overlay's code, one step a view (the shell runs them while idle); failures wait for the open. */
export function overlayPreloadSteps(): IdleStep[] {
  return LAZY_VIEWS.map((view) => () => view.preload());
}

/** Every command of the keymap, by its description: the palette is generated from it. */
export const PALETTE: readonly PaletteEntry[] = BINDINGS.filter((b) => b.command !== 'app.palette').map((b) => ({
  command: b.command,
  title: b.description,
  context: b.context,
}));

export interface OverlaysProps {
  overlay: Overlay;
  width: number;
  height: number;
  close(): void;
  run(command: Command): void;
  load(req: ApiRequest): void;
  resend(req: ApiRequest): void;
  /** saves the composed request; a sentence on failure */
  save(name: string, description: string): string | undefined;
  /** the containment wizard's starting state (a hand-off from hash search) */
  handOff?: ContainmentState;
  /** the overlay closing returns to (hash search keeps its results under the wizard it handed to) */
  returnTo?: Overlay;
  /** overlays kept hidden under this one (a wizard that handed over to it) */
  under?: readonly Overlay[];
  /** the hash search wizard's starting state (a hand-off from alert triage) */
  hashHandOff?: HashSearchState;
  /** opens the containment wizard with hosts handed over */
  onHandOff(state: ContainmentState): void;
  /** the composed request in each code format */
  codeChoices(): CodeChoice[];
  /** copies code to the clipboard (a private file when the terminal refuses) and says where */
  copyCode(choice: CodeChoice): void;
  /** writes code to a new private file and says where */
  writeCode(choice: CodeChoice): void;
  /** opens the hash search wizard on a hash handed over */
  onHashHandOff(state: HashSearchState): void;
}

/**
 * The wizards call the API through the shell's backend (its door, history and
 * status bar); the containment wizard's typed confirmation answers the door
 * for the hosts it covered, and any other write is refused.
 */
function useWizardDeps(): ContainmentDeps {
  const { backend, workspace } = useShellServices();
  const status = backend.status();
  return {
    caller: backend.caller(),
    audit: { path: workspace.auditPath, context: { profile: status.target, baseUrl: status.baseUrl, memberCid: status.memberCid } },
  };
}

export function Overlays(p: OverlaysProps): React.JSX.Element | null {
  // Panes below get nothing while an overlay is open.
  useKeypress(() => true, { priority: Priority.OverlayBarrier, isActive: p.overlay !== 'none' });
  const under = p.under ?? (p.returnTo ? [p.returnTo] : []);
  const keepHashSearch = p.overlay !== 'hashSearch' && under.includes('hashSearch');
  const keepAlerts = p.overlay !== 'alerts' && under.includes('alerts');
  return (
    <KeyLayer priority={Priority.Overlay}>
      {(p.overlay === 'alerts' || keepAlerts) && (
        // Kept mounted under the wizard it handed over to, so Esc comes back to the table, selection and all.
        <Box display={keepAlerts ? 'none' : 'flex'}>
          <Alerts {...p} active={!keepAlerts} />
        </Box>
      )}
      {(p.overlay === 'hashSearch' || keepHashSearch) && (
        // Kept mounted under the wizard it handed hosts to, so Esc comes back to the results.
        <Box display={keepHashSearch ? 'none' : 'flex'}>
          <HashSearch {...p} active={!keepHashSearch} />
        </Box>
      )}
      <Current {...p} />
    </KeyLayer>
  );
}

function Alerts(p: OverlaysProps & { active: boolean }): React.JSX.Element {
  const { backend, workspace } = useShellServices();
  // One caller for the wizard's life: its enrichment cache and effects hang on it.
  const caller = useMemo(() => backend.caller(), [backend]);
  const audit = useMemo(() => {
    const status = backend.status();
    return { path: workspace.auditPath, context: { profile: status.target, baseUrl: status.baseUrl, memberCid: status.memberCid } };
  }, [backend, workspace]);
  return (
    <AlertsWizard
      caller={caller}
      audit={audit}
      width={p.width}
      height={p.height}
      active={p.active}
      onClose={p.close}
      onContain={p.onHandOff}
      onHashSearch={p.onHashHandOff}
    />
  );
}

function HashSearch(p: OverlaysProps & { active: boolean }): React.JSX.Element {
  const { backend, workspace } = useShellServices();
  return (
    <HashSearchWizard
      initial={p.hashHandOff}
      caller={backend.caller()}
      exportFile={workspace.writeExport}
      width={p.width}
      height={p.height}
      active={p.active}
      onClose={p.close}
      onContain={p.onHandOff}
    />
  );
}

function Current(p: OverlaysProps): React.JSX.Element | null {
  const { backend } = useShellServices();
  switch (p.overlay) {
    case 'palette':
      return <CommandPalette entries={PALETTE} width={p.width} height={p.height} onClose={p.close} onRun={p.run} />;
    case 'profiles':
      return (
        <ProfileSwitcher
          targets={backend.targets}
          currentId={backend.current.id}
          width={p.width}
          onClose={p.close}
          onPick={(id) => {
            p.close();
            void backend.switchTo(id);
          }}
        />
      );
    case 'history':
      return <HistoryOverlay {...p} />;
    case 'saved':
      return <SavedOverlay {...p} />;
    case 'save':
      return <SaveDialog width={p.width} onClose={p.close} onSave={p.save} />;
    case 'curl':
      return <CurlImport width={p.width} baseUrl={backend.status().baseUrl} onClose={p.close} load={p.load} />;
    case 'contain':
      return <ContainWizard {...p} />;
    case 'vulns':
      return <VulnsView caller={backend.caller()} apiBaseUrl={backend.status().baseUrl} width={p.width} height={p.height} onClose={p.close} />;
    case 'dashboard':
      return <Dashboard caller={backend.caller()} width={p.width} height={p.height} onClose={p.close} onOpen={p.load} />;
    case 'code':
      return <RequestCodeDialog choices={p.codeChoices()} width={p.width} height={p.height} onClose={p.close} onCopy={p.copyCode} onWrite={p.writeCode} />;
    case 'hashSearch':
    case 'alerts':
    case 'none':
      return null;
  }
}

function ContainWizard(p: OverlaysProps): React.JSX.Element {
  const deps = useWizardDeps();
  return <ContainmentWizard deps={deps} initial={p.handOff} width={p.width} height={p.height} onClose={p.close} />;
}

/** Reads the history once when opened, not on every keystroke. */
function HistoryOverlay(p: OverlaysProps): React.JSX.Element {
  const { workspace } = useShellServices();
  const entries = useMemo(() => workspace.history(), [workspace]);
  return <HistoryPane entries={entries} width={p.width} height={p.height} onClose={p.close} onLoad={p.load} onResend={p.resend} />;
}

function SavedOverlay(p: OverlaysProps): React.JSX.Element {
  const { workspace } = useShellServices();
  const collection = useMemo(() => workspace.savedRequests(), [workspace]);
  return <SavedPane collection={collection} resolve={workspace.variables} width={p.width} height={p.height} onClose={p.close} onLoad={(req) => p.load(req)} />;
}
