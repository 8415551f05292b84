import { describe, expect, it } from 'vitest';
import { Agent, EnvHttpProxyAgent, ProxyAgent } from 'undici';
import { createDispatcher, INSECURE_WARNING, parseProxyUrl, proxySettingsFromEnv } from '../../../src/core/http/dispatcher.js';
import { UserError } from '../../../src/core/errors.js';

describe('parseProxyUrl', () => {
  it('accepts http and https URLs, and reads a bare host:port as http', () => {
    expect(parseProxyUrl('http://proxy.corp:3128').href).toBe('http://proxy.corp:3128/');
    expect(parseProxyUrl('https://proxy.corp').protocol).toBe('https:');
    expect(parseProxyUrl('proxy.corp:8080').href).toBe('http://proxy.corp:8080/');
  });

  it('rejects anything else with one sentence, hiding a password', () => {
    for (const bad of ['ftp://proxy.corp', 'http://', 'http://exa mple:80', '::::']) {
      expect(() => parseProxyUrl(bad)).toThrow(UserError);
    }
    expect(() => parseProxyUrl('ftp://user:secret@proxy.corp')).toThrow(
      "The proxy URL 'ftp://***@proxy.corp' is not a valid proxy URL: use a form such as http://proxy.example.com:8080.",
    );
  });
});

describe('proxySettingsFromEnv', () => {
  it('prefers lowercase variables and names the variable of a bad value', () => {
    expect(proxySettingsFromEnv({ HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2', NO_PROXY: 'a,b' })).toEqual({
      httpsProxy: 'http://lower:2/',
      noProxy: 'a,b',
    });
    expect(() => proxySettingsFromEnv({ HTTP_PROXY: 'socks9://x' })).toThrow("The HTTP_PROXY variable 'socks9://x' is not a valid proxy URL");
  });
});

describe('createDispatcher', () => {
  it('picks an Agent, a ProxyAgent or an EnvHttpProxyAgent', async () => {
    const plain = createDispatcher({ env: {} });
    const explicit = createDispatcher({ proxy: 'http://127.0.0.1:3128', env: { HTTP_PROXY: 'http://other:1' } });
    const fromEnv = createDispatcher({ env: { HTTPS_PROXY: 'http://127.0.0.1:3128' }, insecure: true });
    expect(plain).toBeInstanceOf(Agent);
    expect(explicit).toBeInstanceOf(ProxyAgent);
    expect(fromEnv).toBeInstanceOf(EnvHttpProxyAgent);
    await Promise.all([plain.close(), explicit.close(), fromEnv.close()]);
  });

  it('throws UserError for a bad --proxy', () => {
    expect(() => createDispatcher({ proxy: 'nope://x' })).toThrow(UserError);
  });

  it('exports the --insecure warning as one sentence for the CLI to print', () => {
    expect(INSECURE_WARNING).toMatch(/^Warning: --insecure trusts any TLS certificate.*\.$/);
  });
});
