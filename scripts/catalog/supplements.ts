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

/**
 * Operation ids of the published API definition that the SDK's method names do
 * not give back (src/core/catalog/publishedId.ts derives the rest). Keyed by the
 * SDK's method name. The generator fails if a method disappears, or if an entry
 * says no more than the derivation.
 */
export interface PublishedIdSupplement {
  sdkName: string;
  publishedId: string;
  source: string;
}

const FALCONPY_IOC = 'FalconPy src/falconpy/_endpoint/deprecated/_ioc.py (_ioc_endpoints)';
const ISSUE_13 = "CrowdStrike's API definition, as quoted in talon issue 13";

export const PUBLISHED_ID_SUPPLEMENTS: readonly PublishedIdSupplement[] = [
  { sdkName: 'indicatorCombinedV1', publishedId: 'indicator.combined.v1', source: FALCONPY_IOC },
  { sdkName: 'indicatorGetV1', publishedId: 'indicator.get.v1', source: FALCONPY_IOC },
  { sdkName: 'indicatorCreateV1', publishedId: 'indicator.create.v1', source: FALCONPY_IOC },
  { sdkName: 'indicatorUpdateV1', publishedId: 'indicator.update.v1', source: FALCONPY_IOC },
  { sdkName: 'indicatorDeleteV1', publishedId: 'indicator.delete.v1', source: FALCONPY_IOC },
  { sdkName: 'indicatorSearchV1', publishedId: 'indicator.search.v1', source: FALCONPY_IOC },
  { sdkName: 'entitiesFilesDeleteV1', publishedId: 'entities.files.delete.v1', source: ISSUE_13 },
  { sdkName: 'queriesCasesGetV1', publishedId: 'queries.cases.get.v1', source: ISSUE_13 },
];
