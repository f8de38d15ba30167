// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { AppServerEnvError, readAppServerEnv } from './env';

describe('readAppServerEnv', () => {
  it('has the defaults the Dockerfile and the start scripts build on', () => {
    expect(readAppServerEnv({}, { port: 5173 })).toEqual({ port: 5173, host: '0.0.0.0', apiUrl: 'http://127.0.0.1:3000', proxyApi: false });
  });

  it('reads PORT, HOST, API_URL and PROXY_API', () => {
    expect(readAppServerEnv({ PORT: '3000', HOST: '127.0.0.1', API_URL: 'http://proxy:8090', PROXY_API: 'true' }, { port: 5174 })).toEqual({ port: 3000, host: '127.0.0.1', apiUrl: 'http://proxy:8090', proxyApi: true });
    expect(readAppServerEnv({ PROXY_API: '1' }, { port: 1 }).proxyApi).toBe(true);
    expect(readAppServerEnv({ PROXY_API: 'FALSE' }, { port: 1 }).proxyApi).toBe(false);
    expect(readAppServerEnv({ PORT: '0' }, { port: 1 }).port).toBe(0);
  });

  it('names the variable and what it takes when a value cannot be used', () => {
    const read = (source: Record<string, string>) => () => readAppServerEnv(source, { port: 5173 });
    expect(read({ PORT: 'eighty' })).toThrow(new AppServerEnvError('PORT must be a port number from 0 to 65535, not "eighty"'));
    expect(read({ PORT: '70000' })).toThrow(/PORT must be a port number/);
    expect(read({ PORT: '-1' })).toThrow(/PORT must be a port number/);
    expect(read({ API_URL: 'proxy:8090' })).toThrow(/API_URL must be an http\(s\) URL/);
    expect(read({ API_URL: 'not a url' })).toThrow(/API_URL must be an http\(s\) URL/);
    expect(read({ PROXY_API: 'yes' })).toThrow('PROXY_API must be true or false (or 1/0), not "yes"');
  });
});
