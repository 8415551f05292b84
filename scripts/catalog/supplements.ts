// Enum values the SDK does not carry but the API documents elsewhere. The SDK
// types these parameters as plain strings; completion needs the values. Each
// entry names its source. The generator fails if a target disappears, or if the
// SDK starts carrying its own enum (then the entry should go).

export interface EnumSupplement {
  method: string;
  path: string;
  /** wire name of the query parameter */
  param: string;
  values: string[];
  source: string;
}

const IOC_TYPES = ['sha256', 'md5', 'domain', 'ipv4', 'ipv6'];
const IOC_TYPES_SOURCE = 'FalconPy _endpoint/_iocs.py (valid indicator types)';

export const ENUM_SUPPLEMENTS: readonly EnumSupplement[] = [
  {
    method: 'POST',
    path: '/devices/entities/devices-actions/v2',
    param: 'action_name',
    values: ['contain', 'lift_containment', 'hide_host', 'unhide_host', 'detection_suppress', 'detection_unsuppress'],
    source: 'FalconPy hosts.py perform_action; PSFalcon public/devices.ps1',
  },
  { method: 'GET', path: '/indicators/queries/devices/v1', param: 'type', values: IOC_TYPES, source: IOC_TYPES_SOURCE },
  { method: 'GET', path: '/indicators/aggregates/devices-count/v1', param: 'type', values: IOC_TYPES, source: IOC_TYPES_SOURCE },
  { method: 'GET', path: '/indicators/queries/processes/v1', param: 'type', values: IOC_TYPES, source: IOC_TYPES_SOURCE },
];
