// Run in a child process (bundled by the test with esbuild): appends COUNT
// entries tagged TAG to the history file FILE, bounded by LIMIT.
import { HistoryStore } from '../../../src/core/history/historyStore.js';
import { makeEntry } from '../../../src/core/history/historyEntry.js';

const [file, count, tag, limit] = process.argv.slice(2);
const store = new HistoryStore(file as string, { limit: Number(limit) });
for (let i = 0; i < Number(count); i++) {
  store.append(
    makeEntry(
      { method: 'POST', path: '/devices/entities/devices/v2', query: [['tag', tag as string], ['seq', String(i)]], body: { json: { ids: [`${tag}-${i}`], pad: 'x'.repeat(200) } } },
      { status: 200, durationMs: 1, items: 1, traceId: `${tag}-${i}` },
      { profile: tag as string },
    ),
  );
}
