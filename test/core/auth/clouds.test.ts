import { describe, expect, it } from 'vitest';
import {
  cloudBaseUrl,
  cloudForBaseUrl,
  cloudUrlOverrides,
  normaliseBaseUrl,
  normaliseCloud,
  parseCloud,
  regionFromHeader,
} from '../../../src/core/auth/clouds.js';
import { normaliseMemberCid } from '../../../src/core/config/memberCid.js';
import { UserError } from '../../../src/core/errors.js';

describe('cloud names', () => {
  it.each([
    ['us-1', 'us-1'],
    ['US1', 'us-1'],
    ['us2', 'us-2'],
    ['US-2', 'us-2'],
    ['eu1', 'eu-1'],
    ['usgov1', 'us-gov-1'],
    ['gov1', 'us-gov-1'],
    ['US-GOV-2', 'us-gov-2'],
    ['gov2', 'us-gov-2'],
    ['auto', 'auto'],
    ['Autodiscover', 'auto'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseCloud(input)).toBe(expected);
  });

  it('rejects unknown names with a sentence listing the valid ones', () => {
    expect(() => normaliseCloud('us-3')).toThrow(UserError);
    expect(() => normaliseCloud('mars')).toThrow(/us-1, us-2, eu-1, us-gov-1, us-gov-2 or auto/);
  });

  it('maps names to base URLs and back', () => {
    expect(cloudBaseUrl('us-1')).toBe('https://api.crowdstrike.com');
    expect(cloudBaseUrl('US2')).toBe('https://api.us-2.crowdstrike.com');
    expect(cloudBaseUrl('eu-1')).toBe('https://api.eu-1.crowdstrike.com');
    expect(cloudBaseUrl('gov1')).toBe('https://api.laggar.gcw.crowdstrike.com');
    expect(cloudBaseUrl('us-gov-2')).toBe('https://api.us-gov-2.crowdstrike.mil');
    expect(cloudBaseUrl('auto')).toBe('https://api.crowdstrike.com');
    expect(cloudForBaseUrl('api.laggar.gcw.crowdstrike.com/')).toBe('us-gov-1');
    expect(cloudForBaseUrl('https://api.us-2.crowdstrike.com/oauth2/token')).toBe('us-2');
    expect(cloudForBaseUrl('https://falcon.example.com')).toBeUndefined();
  });

  it('reads X-Cs-Region values', () => {
    expect(regionFromHeader('us-2')).toBe('us-2');
    expect(regionFromHeader('US-GOV-1')).toBe('us-gov-1');
    expect(regionFromHeader(['eu-1'])).toBe('eu-1');
    expect(regionFromHeader(undefined)).toBeUndefined();
    expect(regionFromHeader('auto')).toBeUndefined();
    expect(regionFromHeader('moon-1')).toBeUndefined();
  });
});

describe('base URLs', () => {
  it.each([
    ['api.us-2.crowdstrike.com', 'https://api.us-2.crowdstrike.com'],
    ['https://api.eu-1.crowdstrike.com/', 'https://api.eu-1.crowdstrike.com'],
    ['HTTPS://API.CROWDSTRIKE.COM/some/path?x=1', 'https://api.crowdstrike.com'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['localhost:9000', 'https://localhost:9000'],
    ['https://[::1]:8443', 'https://[::1]:8443'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseBaseUrl(input)).toBe(expected);
  });

  it.each(['', 'garbage', 'ftp://api.crowdstrike.com', 'https://user:pw@api.crowdstrike.com', 'https://a b.com', 'us2'])(
    'rejects %j with a sentence',
    (input) => {
      expect(() => normaliseBaseUrl(input)).toThrow(/is not an API base URL/);
    },
  );

  it('treats a URL given as the cloud as a base URL', () => {
    expect(parseCloud('https://falcon.example.com/')).toEqual({ cloud: 'custom', baseUrl: 'https://falcon.example.com', autodiscover: false });
    expect(parseCloud('api.eu-1.crowdstrike.com')).toEqual({ cloud: 'eu-1', baseUrl: 'https://api.eu-1.crowdstrike.com', autodiscover: false });
    expect(parseCloud('auto')).toEqual({ cloud: 'auto', baseUrl: 'https://api.crowdstrike.com', autodiscover: true });
  });
});

describe('TALON_CLOUD_URLS', () => {
  it('points clouds at local simulators', () => {
    const overrides = cloudUrlOverrides({ TALON_CLOUD_URLS: '{"us-1":"http://127.0.0.1:1234/","US2":"127.0.0.1:1235"}' });
    expect(overrides).toEqual({ 'us-1': 'http://127.0.0.1:1234', 'us-2': 'https://127.0.0.1:1235' });
    expect(cloudBaseUrl('auto', overrides)).toBe('http://127.0.0.1:1234');
    expect(cloudBaseUrl('eu-1', overrides)).toBe('https://api.eu-1.crowdstrike.com');
    expect(cloudForBaseUrl('http://127.0.0.1:1234', overrides)).toBe('us-1');
    expect(cloudUrlOverrides({})).toEqual({});
  });

  it.each(['{nope', '[1]', '{"mars":"http://x.y"}', '{"us-1":1}', '{"auto":"http://x.y"}'])('rejects %s as a UserError', (raw) => {
    expect(() => cloudUrlOverrides({ TALON_CLOUD_URLS: raw })).toThrow(/TALON_CLOUD_URLS/);
  });
});

describe('member CID', () => {
  const cid = '0123456789abcdef0123456789abcdef';
  it('lowercases and strips the -XX checksum', () => {
    expect(normaliseMemberCid(cid.toUpperCase())).toBe(cid);
    expect(normaliseMemberCid(`${cid.toUpperCase()}-A7`)).toBe(cid);
    expect(normaliseMemberCid(` ${cid}-0f `)).toBe(cid);
  });
  it.each(['abc', `${cid}0`, `${cid.slice(1)}g`, `${cid}-XYZ`])('rejects %s', (bad) => {
    expect(() => normaliseMemberCid(bad)).toThrow(/32 hexadecimal characters/);
  });
});
