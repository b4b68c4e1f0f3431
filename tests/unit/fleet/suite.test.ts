import { describe, expect, it } from 'vitest';
import { defaultJobName, expandJobs, suiteFromQuery } from '../../../src/core/fleet/jobs.ts';
import { parseSuite } from '../../../src/core/fleet/suite.ts';
import { parseTarget, redactEndpoint } from '../../../src/core/fleet/targets.ts';

const YAML = `name: nightly
params: { warmup: 5, iterations: 40 }
models:
  - resnet-tiny
  - name: mine
    model: ./models/my-net.onnx
backends: [wasm, webgpu]
targets:
  - local
  - name: grid
    url: webdriver:http://127.0.0.1:4444
    capabilities: { browserName: chrome }
`;

describe('suite files', () => {
  it('reads YAML and expands models × backends × targets', () => {
    const parsed = parseSuite(YAML, 'nightly.yaml');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { jobs, targets, errors } = expandJobs(parsed.suite);
    expect(errors).toEqual([]);
    expect(targets.map((t) => [t.name, t.kind])).toEqual([['local', 'local'], ['grid', 'webdriver']]);
    expect(targets[1]!.capabilities).toEqual({ browserName: 'chrome' });
    expect(jobs).toHaveLength(2 * 2 * 2);
    expect(jobs.map((j) => `${j.name} ${j.backend} ${j.target}`).slice(0, 4)).toEqual([
      'resnet-tiny wasm local', 'resnet-tiny wasm grid', 'resnet-tiny webgpu local', 'resnet-tiny webgpu grid',
    ]);
    expect(jobs[0]!.params).toEqual({ warmup: '5', iterations: '40' });
    expect(jobs.at(-1)!.name).toBe('mine');
  });

  it('reads JSON with the same parser, and command-line targets replace the suite\'s', () => {
    const parsed = parseSuite(JSON.stringify({ models: ['resnet-tiny'], targets: ['local'] }), 's.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { targets } = expandJobs(parsed.suite, ['playwright:ws://127.0.0.1:3000/abc']);
    expect(targets.map((t) => t.kind)).toEqual(['playwright']);
  });

  it('names the line and the field of a bad value', () => {
    const bad = YAML.replace('backends: [wasm, webgpu]', 'backends: [wasm, webgpu, tpu]');
    const parsed = parseSuite(bad, 'nightly.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]).toMatch(/^nightly\.yaml:7: backends\[2\]: /);
  });

  it('names an unknown key and a missing field, and a YAML syntax error', () => {
    const typo = parseSuite('models:\n  - model: a.onnx\n    parms: {}\n', 's.yaml');
    expect(!typo.ok && typo.errors[0]).toMatch(/^s\.yaml:3: models\[0\]\.parms: /);
    const missing = parseSuite('name: x\nbackends: [wasm]\n', 's.yaml');
    expect(!missing.ok && missing.errors[0]).toMatch(/^s\.yaml:1: models: /);
    const syntax = parseSuite('models: [a\nbackends: [wasm]\n', 's.yaml');
    expect(!syntax.ok && syntax.errors[0]).toMatch(/^s\.yaml:\d+: /);
  });

  it('checks job parameters with the page\'s own parser before any browser starts', () => {
    const parsed = parseSuite('models: [resnet-tiny]\nparams: { iterations: 0, mode: fast }\n');
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const { errors } = expandJobs(parsed.suite);
    expect(errors.join('\n')).toMatch(/iterations=0 must be a whole number/);
    expect(errors.join('\n')).toMatch(/mode=fast is not one of/);
    const reserved = parseSuite('models: [resnet-tiny]\nparams: { backend: webgpu }\n');
    if (!reserved.ok) throw new Error(reserved.errors.join());
    expect(expandJobs(reserved.suite).errors[0]).toMatch(/backend cannot be a parameter here/);
  });

  it('turns a query into a one-job suite', () => {
    const { suite, errors } = suiteFromQuery('model=resnet-tiny&backend=webgpu&iterations=20');
    expect(errors).toEqual([]);
    const { jobs } = expandJobs(suite);
    expect(jobs).toEqual([expect.objectContaining({ name: 'resnet-tiny', backend: 'webgpu', params: { iterations: '20' }, target: 'local' })]);
    expect(suiteFromQuery('backend=wasm').errors[0]).toMatch(/no model=/);
  });
});

describe('job names and targets', () => {
  it('names a job by the model\'s file, or the folder above onnx/ or tfjs/', () => {
    expect(defaultJobName('/zoo/resnet-tiny/onnx/model.onnx')).toBe('resnet-tiny');
    expect(defaultJobName('./models/my-net.onnx')).toBe('my-net');
    expect(defaultJobName('https://example.com/m/yolo/tfjs/model.json?sig=1')).toBe('yolo');
    expect(defaultJobName('/zoo/bert-tiny/')).toBe('bert-tiny');
    expect(defaultJobName('resnet-tiny')).toBe('resnet-tiny');
  });

  it('parses the three target kinds and refuses the wrong protocol', () => {
    expect(parseTarget('local')).toMatchObject({ kind: 'local', name: 'local' });
    expect(parseTarget('webdriver:http://h:4444/wd/hub')).toMatchObject({ kind: 'webdriver', endpoint: 'http://h:4444/wd/hub' });
    expect(parseTarget('playwright:http://h:1')).toMatch(/ws:\/\/ or wss:\/\//);
    expect(parseTarget('grid')).toMatch(/not local, playwright:WS_ENDPOINT or webdriver:URL/);
  });

  it('keeps credentials out of target names', () => {
    expect(redactEndpoint('https://user:key@hub.example.com/wd/hub')).toBe('https://hub.example.com/wd/hub');
    expect(redactEndpoint('wss://cdp.example.com/playwright?caps=x&key=secret')).toBe('wss://cdp.example.com/playwright?…');
    const target = parseTarget('webdriver:https://user:key@hub.example.com/wd/hub');
    expect(typeof target !== 'string' && target.name).toBe('webdriver:https://hub.example.com/wd/hub');
  });
});
