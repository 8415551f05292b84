// A local API that answers the token call and serves a ~10 MB host envelope
// (8,000 records), for benches that need a large response on the wire.
import { createServer } from 'node:http';

export function hostEnvelope(count = 8000) {
  const resources = [];
  for (let i = 0; i < count; i++) {
    const id = i.toString(16).padStart(32, '0');
    resources.push({
      device_id: id,
      cid: 'c'.repeat(32),
      agent_load_flags: '1',
      agent_local_time: '2026-11-20T10:00:00.000Z',
      agent_version: '7.18.18301.0',
      bios_manufacturer: 'Dell Inc.',
      bios_version: '1.21.0',
      config_id_base: '65994763',
      config_id_build: '18301',
      config_id_platform: '3',
      cpu_signature: '591594',
      external_ip: `203.0.113.${i % 250}`,
      mac_address: `00-15-5d-${(i >> 8).toString(16).padStart(2, '0')}-${(i & 255).toString(16).padStart(2, '0')}-01`,
      hostname: `HOST-${i.toString().padStart(5, '0')}`,
      first_seen: '2025-01-02T03:04:05Z',
      last_seen: '2026-11-28T09:10:11Z',
      local_ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      machine_domain: 'corp.example.com',
      major_version: '10',
      minor_version: '0',
      os_version: 'Windows 11',
      os_build: '22631',
      platform_id: '0',
      platform_name: 'Windows',
      policies: [{ policy_type: 'prevention', policy_id: 'p'.repeat(32), applied: true, settings_hash: 'f2a3b4c5', assigned_date: '2026-01-01T00:00:00Z', applied_date: '2026-01-01T00:05:00Z' }],
      reduced_functionality_mode: 'no',
      device_policies: { prevention: { policy_type: 'prevention', policy_id: 'p'.repeat(32), applied: true } },
      groups: ['g'.repeat(32)],
      product_type_desc: 'Workstation',
      provision_status: 'Provisioned',
      serial_number: `SN${i}`,
      status: 'normal',
      system_manufacturer: 'Dell Inc.',
      system_product_name: 'Latitude 7440',
      tags: ['SensorGroupingTags/finance'],
      modified_timestamp: '2026-11-28T09:10:11Z',
      meta: { version: '1234' },
    });
  }
  return { meta: { query_time: 0.42, powered_by: 'device-api', trace_id: '00000000-0000-4000-8000-000000000000', pagination: { offset: 0, limit: count, total: count } }, resources, errors: [] };
}

export async function startBigApi(count = 8000) {
  const body = Buffer.from(JSON.stringify(hostEnvelope(count)));
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.startsWith('/oauth2/token')) {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: 'bench-token', token_type: 'bearer', expires_in: 1799 }));
      } else if (req.url?.startsWith('/devices/combined/devices/v1')) {
        res.writeHead(200, { 'content-type': 'application/json', 'x-cs-traceid': '00000000-0000-4000-8000-000000000000' });
        res.end(body);
      } else {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ meta: {}, resources: [], errors: [{ code: 404, message: 'Not Found' }] }));
      }
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, size: body.length, close: () => new Promise((r) => server.close(r)) };
}
