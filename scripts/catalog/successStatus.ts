// Documented success statuses other than 200. The SDK the catalog is built
// from accepts any 2xx and does not record which one an operation answers, so
// each entry here names its source; every other operation answers 200. The
// generator fails when a target disappears.

export interface StatusSupplement {
  method: string;
  path: string;
  status: number;
  source: string;
}

export const SUCCESS_STATUSES: readonly StatusSupplement[] = [
  { method: 'POST', path: '/oauth2/token', status: 201, source: 'gofalcon oauth2_access_token_responses.go (Oauth2AccessTokenCreated)' },
  { method: 'POST', path: '/devices/entities/devices-actions/v2', status: 202, source: 'gofalcon hosts/perform_action_v2_responses.go; FalconPy samples/hosts/quarantine_hosts_new.py' },
  { method: 'POST', path: '/iocs/entities/indicators/v1', status: 201, source: 'gofalcon ioc/indicator_create_v1_responses.go' },
  // gofalcon names each documented answer <Operation><Status>; these are the Created (201) and Accepted (202) ones.
  { method: 'PATCH', path: '/devices/entities/devices/tags/v1', status: 202, source: 'gofalcon hosts UpdateDeviceTagsAccepted (also UpdateDeviceTagsOK, 200)' },
  { method: 'POST', path: '/devices/entities/host-groups/v1', status: 201, source: 'gofalcon host_group CreateHostGroupsCreated' },
  { method: 'POST', path: '/fwmgr/entities/rule-groups/v1', status: 201, source: 'gofalcon firewall_management CreateRuleGroupCreated' },
  { method: 'POST', path: '/policy/entities/prevention/v1', status: 201, source: 'gofalcon prevention_policies CreatePreventionPoliciesCreated' },
  { method: 'POST', path: '/policy/entities/sensor-update/v2', status: 201, source: 'gofalcon sensor_update_policies CreateSensorUpdatePoliciesV2Created' },
  { method: 'POST', path: '/real-time-response/entities/command/v1', status: 201, source: 'gofalcon real_time_response RTRExecuteCommandCreated' },
  { method: 'POST', path: '/real-time-response/entities/sessions/v1', status: 201, source: 'gofalcon real_time_response RTRInitSessionCreated' },
];
