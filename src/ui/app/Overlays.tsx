// The shell's overlays: help, command palette, profiles, history, saved
// requests, the save dialog and the wizards. Each takes the keys while open.
import React, { useMemo } from 'react';
import type { ShellBackend } from '../../core/shell/shellBackend.js';
import type { ApiRequest } from '../../core/http/types.js';
import type { Command } from '../keys/keymap.js';
import { HelpOverlay } from '../components/HelpOverlay.js';
import { ProfileSwitcher } from '../components/ProfileSwitcher.js';
import { CommandPalette, type PaletteEntry } from '../components/CommandPalette.js';
import { HistoryPane } from '../panes/HistoryPane.js';
import { SavedPane } from '../panes/SavedPane.js';
import { SaveDialog } from '../components/SaveDialog.js';
import { CurlImportDialog } from '../components/CurlImportDialog.js';
import { fromCurl } from '../../core/curl/fromCurl.js';
import { ContainmentWizard } from '../wizards/ContainmentWizard.js';
import { HashSearchWizard } from '../wizards/HashSearchWizard.js';
import type { ContainmentState } from '../../core/wizards/containment/types.js';
import type { ContainmentDeps } from '../../core/wizards/containment/effects.js';
import { auditLogPath } from '../../core/audit/auditLog.js';
import { openHistoryStore } from '../../core/history/historyStore.js';
import { collectionDir, loadCollection } from '../../core/saved/collection.js';

export type Overlay = 'none' | 'help' | 'profiles' | 'palette' | 'history' | 'saved' | 'save' | 'curl' | 'contain' | 'hashSearch';

export const PALETTE: readonly PaletteEntry[] = [
  { command: 'app.contain', title: 'Contain or lift hosts…' },
  { command: 'app.hashSearch', title: 'Find hosts that saw a hash…' },
  { command: 'app.history', title: 'History' },
  { command: 'app.saved', title: 'Saved requests' },
  { command: 'app.saveRequest', title: 'Save this request…' },
  { command: 'app.importCurl', title: 'Import a curl command…' },
  { command: 'app.profiles', title: 'Switch profile or MSSP child' },
  { command: 'app.help', title: 'Help: every key' },
  { command: 'app.send', title: 'Send the request' },
];

export interface OverlaysProps {
  overlay: Overlay;
  width: number;
  height: number;
  backend: ShellBackend;
  env: NodeJS.ProcessEnv;
  close(): void;
  run(command: Command): void;
  load(req: ApiRequest): void;
  resend(req: ApiRequest): void;
  /** saves the composed request; a sentence on failure */
  save(name: string, description: string): string | undefined;
  /** the containment wizard's starting state (a hand-off from hash search) */
  containFrom?: ContainmentState;
  /** opens the containment wizard with hosts handed over */
  handOff(state: ContainmentState): void;
}

/**
 * The wizards call the API through the shell's backend (its door, history and
 * status bar); the containment wizard's typed confirmation answers the door
 * for the hosts it covered, and any other write is refused.
 */
function wizardDeps(p: OverlaysProps): ContainmentDeps {
  const status = p.backend.status();
  return {
    caller: p.backend.caller(),
    audit: { path: auditLogPath(p.env), context: { profile: status.target, baseUrl: status.baseUrl, memberCid: status.memberCid } },
  };
}

export function Overlays(p: OverlaysProps): React.JSX.Element | null {
  switch (p.overlay) {
    case 'help':
      return <HelpOverlay width={p.width} height={p.height} />;
    case 'palette':
      return <CommandPalette entries={PALETTE} width={p.width} height={p.height} onClose={p.close} onRun={p.run} />;
    case 'profiles':
      return (
        <ProfileSwitcher
          targets={p.backend.targets}
          currentId={p.backend.current.id}
          width={p.width}
          onClose={p.close}
          onPick={(id) => {
            p.close();
            void p.backend.switchTo(id);
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
      return (
        <CurlImportDialog
          width={p.width}
          onClose={p.close}
          onImport={(text) => {
            try {
              p.load(fromCurl(text, { baseUrl: p.backend.status().baseUrl }).request);
              return undefined;
            } catch (e) {
              return (e as Error).message;
            }
          }}
        />
      );
    case 'contain':
      return <ContainmentWizard deps={wizardDeps(p)} initial={p.containFrom} width={p.width} height={p.height} onClose={p.close} />;
    case 'hashSearch':
      return <HashSearchWizard caller={p.backend.caller()} width={p.width} height={p.height} onClose={p.close} onContain={p.handOff} />;
    case 'none':
      return null;
  }
}

/** Reads the history once when opened, not on every keystroke. */
function HistoryOverlay(p: OverlaysProps): React.JSX.Element {
  const entries = useMemo(() => openHistoryStore(p.env).read().entries, [p.env]);
  return <HistoryPane entries={entries} width={p.width} height={p.height} onClose={p.close} onLoad={p.load} onResend={p.resend} />;
}

function SavedOverlay(p: OverlaysProps): React.JSX.Element {
  const collection = useMemo(() => loadCollection(collectionDir(undefined, p.env)), [p.env]);
  return <SavedPane collection={collection} env={p.env} width={p.width} height={p.height} onClose={p.close} onLoad={(req) => p.load(req)} />;
}
