// Simulated alerts tie into the tenant's processes (the detected process and
// its parent exist on the same host), and the update call changes what a
// read through the entities call returns, as the console would show it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';

let h: SimHarness;
beforeAll(async () => {
  h = await startHarness({ hosts: 200 });
});
afterAll(() => h.close());

const read = async (id: string): Promise<any> => (await h.api('POST', '/alerts/entities/alerts/v2', { body: { composite_ids: [id] } })).json.resources[0];
const update = (id: string, action_parameters: { name: string; value: string }[]) => h.api('PATCH', '/alerts/entities/alerts/v3', { body: { composite_ids: [id], action_parameters } });

describe('simulated alerts', () => {
  it('point at a process on their host, started by an earlier process there', () => {
    for (const a of h.sim.tenant.alerts.values()) {
      const proc = h.sim.tenant.processes.get(a.process_id)!;
      expect(proc.device_id).toBe(a.agent_id);
      expect(proc.command_line).toBe(a.cmdline);
      expect(a.user_name).not.toBe('');
      if (a.parent_details.process_id) {
        const parent = h.sim.tenant.processes.get(a.parent_details.process_id)!;
        expect(parent.device_id).toBe(a.agent_id);
        expect(parent.start_timestamp <= proc.start_timestamp).toBe(true);
        expect(a.parent_details.cmdline).toBe(parent.command_line);
      }
    }
  });

  it('assignments fill name and user id; comments carry their author; unassign clears', async () => {
    const a = [...h.sim.tenant.alerts.values()].find((x) => x.status === 'new')!;
    expect((await update(a.composite_id, [{ name: 'assign_to_name', value: 'Ingrid Solberg' }, { name: 'append_comment', value: 'mine' }, { name: 'update_status', value: 'in_progress' }])).status).toBe(200);
    let got = await read(a.composite_id);
    expect(got).toMatchObject({ status: 'in_progress', assigned_to_name: 'Ingrid Solberg', assigned_to_uid: 'ingrid.solberg@example.com' });
    expect(got.comments.at(-1)).toMatchObject({ value: 'mine', author: `api-client:${h.sim.clients.demo.id}` });
    await update(a.composite_id, [{ name: 'assign_to_user_id', value: 'marcus.oyelaran@example.com' }]);
    expect(await read(a.composite_id)).toMatchObject({ assigned_to_name: 'Marcus Oyelaran', assigned_to_uid: 'marcus.oyelaran@example.com' });
    await update(a.composite_id, [{ name: 'unassign', value: '' }]);
    got = await read(a.composite_id);
    expect(got).toMatchObject({ assigned_to_name: '', assigned_to_uid: '', assigned_to_uuid: '' });
  });
});
