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
];
