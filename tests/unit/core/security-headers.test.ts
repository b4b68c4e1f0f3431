import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from '../../../scripts/security-headers.ts';

const directive = (policy: string, name: string): string =>
  policy.split('; ').find((part) => part.startsWith(`${name} `)) ?? '';

describe('the Content-Security-Policy', () => {
  test('no inline script or eval anywhere but the Synthesize and bench workers (protobufjs); wasm may compile', () => {
    const page = contentSecurityPolicy('/');
    expect(directive(page, 'script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(directive(contentSecurityPolicy('/assets/bench.worker-abc.js'), 'script-src')).toContain("'unsafe-eval'");
    expect(directive(contentSecurityPolicy('/assets/ceilings.worker-abc.js'), 'script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(directive(contentSecurityPolicy('/assets/synth.worker-Xy_1.js'), 'script-src')).toContain("'unsafe-eval'");
    // blob: only for wllama's inlined llama.cpp worker and its pthreads.
    expect(directive(page, 'worker-src')).toBe("worker-src 'self' blob:");
  });

  test('connect-src: self, HTTPS, loopback, and the plain-HTTP origin a page URL names', () => {
    expect(directive(contentSecurityPolicy('/'), 'connect-src')).not.toMatch(/http:\/\/(?!localhost|127\.0\.0\.1)/);
    expect(directive(contentSecurityPolicy('/?model=http://10.0.0.5:8080/a/model.onnx&run=1'), 'connect-src')).toContain('http://10.0.0.5:8080');
    expect(directive(contentSecurityPolicy('/?model=http://bad host/'), 'connect-src')).not.toContain('bad');
    expect(directive(contentSecurityPolicy('/?model=javascript:alert(1)'), 'connect-src')).not.toContain('javascript');
  });

  test('nosniff and no Referer on every response', () => {
    expect(securityHeaders('/')).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
  });
});
