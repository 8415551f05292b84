// Operations shaped like catalog entries, for the composer tests.
import type { OperationShape } from '../../../src/core/composer/operationShape.js';

export const queryDevices: OperationShape = {
  operationId: 'QueryDevicesByFilter',
  method: 'GET',
  path: '/devices/queries/devices/v1',
  scopes: ['devices:read'],
  params: [
    { name: 'offset', in: 'query', type: 'integer', required: false, array: false },
    { name: 'limit', in: 'query', type: 'integer', required: false, array: false, description: 'maximum records' },
    { name: 'sort', in: 'query', type: 'string', required: false, array: false, enum: ['hostname.asc', 'hostname.desc', 'last_seen.desc'] },
    { name: 'filter', in: 'query', type: 'string', required: true, array: false, description: 'FQL filter' },
    { name: 'ids', in: 'query', type: 'string', required: false, array: true },
  ],
};

export const updatePolicy: OperationShape = {
  operationId: 'updatePolicyMember',
  method: 'PATCH',
  path: '/policy/entities/{policy_id}/members/{member_id}/v1',
  scopes: ['prevention-policies:write'],
  params: [
    { name: 'policy_id', in: 'path', type: 'string', required: true, array: false },
    { name: 'member_id', in: 'path', type: 'string', required: true, array: false },
    { name: 'action_name', in: 'query', type: 'string', required: true, array: false, enum: ['enable', 'disable'] },
    { name: 'dry_run', in: 'query', type: 'boolean', required: false, array: false },
  ],
  bodySkeleton: { ids: [''], action_parameters: [{ name: '', value: '' }] },
};

export const getAlerts: OperationShape = {
  operationId: 'GetAlerts',
  method: 'GET',
  path: '/alerts/entities/alerts/v2',
  scopes: ['alerts:read'],
  params: [],
  // A GET that the catalog lists with a skeleton still gets no body.
  bodySkeleton: { ids: [] },
};

export const indicatorDevices: OperationShape = {
  operationId: 'queryDevicesCount',
  method: 'GET',
  path: '/indicators/queries/devices/v1',
  scopes: ['iocs:read'],
  params: [
    { name: 'type', in: 'query', type: 'string', required: true, array: false, enum: ['sha256', 'md5', 'domain', 'ipv4', 'ipv6'] },
    { name: 'value', in: 'query', type: 'string', required: true, array: false },
  ],
};
