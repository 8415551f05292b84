// The webhook sender against a local receiver, with an injected sleep: the
// waits it chose are the ones Retry-After asked for, and nothing really waits.
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../helpers/webhookReceiver.js';
import { WebhookSender } from '../../../src/core/vulns/tickets/webhook.js';
import { buildTicket } from '../../../src/core/vulns/tickets/build.js';
import { consoleLinks } from '../../../src/core/vulns/tickets/consoleLinks.js';
import { VulnGrouper } from '../../../src/core/vulns/grouping.js';
import { toVulnRecord } from '../../../src/core/vulns/records.js';

let receiver: Receiver;
afterEach(() => receiver.close());

function ticket() {
  const g = new VulnGrouper('cve');
  g.add([toVulnRecord({ id: 'a_1', aid: 'a', status: 'open', created_timestamp: '2026-03-01T00:00:00Z', cve: { id: 'CVE-2026-1', severity: 'HIGH' }, host_info: { hostname: 'h' } })!]);
  return buildTicket(g.groups()[0]!, { remediations: new Map(), links: consoleLinks('https://falcon.example') });
}

describe('WebhookSender', () => {
  it('waits as Retry-After asks on a 429 and on a 503, then takes the id from the answer', async () => {
    receiver = await startReceiver();
    receiver.script.push({ status: 429, headers: { 'retry-after': '7' } }, { status: 503, headers: { 'retry-after': '3' } }, { status: 201, body: { result: { sys_id: 'abc123', number: 'INC0001' } } });
    const waits: number[] = [];
    const sender = new WebhookSender({ createUrl: `${receiver.url}/api/now/table/incident?sysparm_display_value=true`, headers: { authorization: 'Basic xyz' }, template: { short_description: '{{title}}' } }, { sleep: async (ms) => void waits.push(ms) });
    try {
      const res = await sender.send({ ticket: ticket(), action: 'create' });
      expect(res).toEqual({ status: 201, attempts: 3, ticketId: 'abc123' });
    } finally {
      await sender.close();
    }
    expect(waits).toEqual([7000, 3000]);
    expect(receiver.requests.map((r) => r.url)).toEqual(Array(3).fill('/api/now/table/incident?sysparm_display_value=true'));
    expect(receiver.requests[0]!.body).toEqual({ short_description: 'CVE-2026-1 (HIGH) on 1 host' });
  });

  it('gives up on a 5xx after its retries, and never retries a 4xx', async () => {
    receiver = await startReceiver(() => ({ status: 502 }));
    const sender = new WebhookSender({ createUrl: `${receiver.url}/x`, headers: {}, template: { t: '{{title}}' } }, { sleep: async () => undefined });
    await expect(sender.send({ ticket: ticket(), action: 'create' })).rejects.toThrow('The webhook answered 502 to ticket cve:CVE-2026-1 (create) after 5 attempts, so sending stopped.');
    expect(receiver.requests).toHaveLength(5);
    await sender.close();
    await receiver.close();
    receiver = await startReceiver(() => ({ status: 409 }));
    const again = new WebhookSender({ createUrl: `${receiver.url}/x`, headers: {}, template: { t: '{{title}}' } }, { sleep: async () => undefined });
    await expect(again.send({ ticket: ticket(), action: 'create' })).rejects.toThrow(/answered 409/);
    expect(receiver.requests).toHaveLength(1);
    await again.close();
  });
});
