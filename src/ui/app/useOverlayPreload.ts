// The overlays' code loads once the endpoint line is up and the shell idle,
// so Ctrl+G and the rest open at once.
import { useEffect } from 'react';
import type { EndpointSource } from '../../core/shell/endpointSource.js';
import { useKeypressBus } from '../keys/KeypressProvider.js';
import { overlayPreloadSteps } from './Overlays.js';
import { runWhenIdle } from './idleWork.js';

/**
 * The overlays' code is read a second after the catalog loads, one overlay at a time and only while keys have been
 * quiet for half a second: reading one blocks the shell for 5-20 ms, which a key typed meanwhile would wait for.
 */
const PRELOAD_AFTER_MS = 1_000;
const PRELOAD_QUIET_MS = 500;

/** `source`: the catalog, undefined while it loads. */
export function useOverlayPreload(source: EndpointSource | undefined): void {
  const bus = useKeypressBus();
  useEffect(() => {
    if (!source) return;
    return runWhenIdle(overlayPreloadSteps(), { lastKeyAt: bus.lastKeyAt, quietMs: PRELOAD_QUIET_MS, startAfterMs: PRELOAD_AFTER_MS });
  }, [source, bus]);
}
