// The Kubernetes manifests render, every one validates against the Kubernetes schemas, and each
// app's Deployment gives it an environment its own env schema accepts. docker-compose's `scaled`
// profile parses and adds replicas of every app.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnv, type EnvSchema } from '@lattice/shared-util-config';
import { identityEnvSchema } from '../apps/identity/src/config';
import { marketplaceEnvSchema } from '../apps/marketplace/src/config';
import { credentialsEnvSchema } from '../apps/credentials/src/config';
import { notificationsEnvSchema } from '../apps/notifications/src/config';
import { workerEnvSchema } from '../apps/worker/src/config';
import { evidenceEnvSchema } from '../apps/evidence/src/config';
import { gatewayEnvSchema } from '../apps/gateway/src/config';

const { render, loadValues, toYaml, merge } = require('./kubernetes.cjs');
const yaml = require('js-yaml') as { load(text: string): unknown };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- js-yaml documents of every Kubernetes kind, walked freely and checked by the expectations
type Manifest = any;
const ROOT = join(__dirname, '..');

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const secretValues: Record<string, string> = {
  'jwt-private-key': privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  'jwt-public-key': publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  'invitation-link-key': randomBytes(32).toString('hex'),
  'issuer-key-encryption-key': randomBytes(32).toString('base64'),
  'webhook-secret-key': randomBytes(32).toString('hex'),
  'evidence-key': randomBytes(32).toString('hex'),
  'database-url': 'postgres://lattice:secret@primary.db:5432/lattice',
  'smtp-url': 'smtp://mail.example.org:587',
};

const withSecrets = { secrets: { create: true, values: secretValues } };
const clustered = {
  ...withSecrets,
  redis: { clusterNodes: ['redis-0.redis:6379', 'redis-1.redis:6379', 'redis-2.redis:6379'] },
};

function renderAll(...overrides: object[]): Manifest[] {
  const values = overrides.reduce((acc, next) => merge(acc, next), loadValues());
  const documents = render(values);
  return [...documents.migrate, ...documents.apps];
}

function validate(manifests: Manifest[]): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'tools/validate-kubernetes.mjs')], {
    input: toYaml(manifests),
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { status: result.status, stdout: result.stdout + result.stderr };
}

const schemas: Record<string, EnvSchema> = {
  gateway: gatewayEnvSchema,
  identity: identityEnvSchema,
  marketplace: marketplaceEnvSchema,
  credentials: credentialsEnvSchema,
  notifications: notificationsEnvSchema,
  evidence: evidenceEnvSchema,
  worker: workerEnvSchema,
};

/** The environment a container would see: its ConfigMap, literal values and the Secret's keys. */
function environmentOf(container: Manifest, manifests: Manifest[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const map = manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === source.configMapRef.name);
    Object.assign(out, map.data);
  }
  const secret = manifests.find((m) => m.kind === 'Secret');
  for (const variable of container.env ?? []) {
    if (variable.value !== undefined) out[variable.name] = variable.value;
    else {
      const ref = variable.valueFrom.secretKeyRef;
      const value = secret?.stringData?.[ref.key];
      if (value === undefined && !ref.optional)
        throw new Error(`${container.name}: ${variable.name} needs secret key ${ref.key}`);
      if (value !== undefined) out[variable.name] = value;
    }
  }
  return out;
}

describe('Kubernetes manifests', () => {
  it.each([
    ['the defaults (an existing Secret)', []],
    ['with a Secret and a Redis Cluster', [clustered]],
  ])('render and validate against the Kubernetes schemas: %s', (_label, overrides) => {
    const manifests = renderAll(...(overrides as object[]));
    const { status, stdout } = validate(manifests);
    expect(stdout).toContain(`${manifests.length} manifests, 0 invalid`);
    expect(status).toBe(0);
  });

  it('the validator refuses a manifest that breaks the schema', () => {
    const manifests = renderAll();
    const deployment = structuredClone(manifests.find((m) => m.kind === 'Deployment'));
    deployment.spec.template.spec.containers[0].ports[0].containerPort = 'four thousand';
    delete deployment.spec.selector;
    const { status, stdout } = validate([deployment]);
    expect(status).toBe(1);
    expect(stdout).toMatch(/INVALID Deployment .*containerPort must be integer/);
  });

  it('gives every app a Deployment with health probes, resources, an autoscaler, a disruption budget and a Service', () => {
    const manifests = renderAll();
    for (const app of Object.keys(schemas)) {
      const name = `lattice-${app}`;
      const deployment = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === name);
      expect(deployment).toBeDefined();
      const container = deployment.spec.template.spec.containers[0];
      expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
      expect(container.livenessProbe.httpGet.path).toBe('/health/live');
      expect(container.resources.requests).toEqual(
        expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }),
      );
      expect(container.resources.limits).toEqual(expect.objectContaining({ memory: expect.any(String) }));
      // The selector picks the pod template, and the HPA, PDB and Service point at the same pods.
      const selector = deployment.spec.selector.matchLabels;
      expect(deployment.spec.template.metadata.labels).toEqual(expect.objectContaining(selector));
      const hpa = manifests.find((m) => m.kind === 'HorizontalPodAutoscaler' && m.metadata.name === name);
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(
        manifests.find((m) => m.kind === 'PodDisruptionBudget' && m.metadata.name === name).spec.selector
          .matchLabels,
      ).toEqual(selector);
      expect(manifests.find((m) => m.kind === 'Service' && m.metadata.name === name).spec.selector).toEqual(
        selector,
      );
    }
  });

  it.each([
    ['one Redis', withSecrets],
    ['a Redis Cluster', clustered],
  ])('gives each app an environment its own schema accepts (%s)', (_label, override) => {
    const manifests = renderAll(override);
    for (const [app, schema] of Object.entries(schemas)) {
      const deployment = manifests.find(
        (m) => m.kind === 'Deployment' && m.metadata.name === `lattice-${app}`,
      );
      const environment = environmentOf(deployment.spec.template.spec.containers[0], manifests);
      expect(() => loadEnv(schema, environment)).not.toThrow();
      expect(environment.NODE_ENV).toBe('production');
      if (app === 'gateway') {
        expect(environment.DATABASE_URL).toBeUndefined();
        expect(environment.IDENTITY_URL).toBe('http://lattice-identity:4001/graphql');
      }
    }
  });

  it('runs every subgraph’s migrations in a Job, named per release, before the apps', () => {
    const values = merge(loadValues(), withSecrets);
    const { migrate, apps } = render(values);
    const job = migrate.find((m: Manifest) => m.kind === 'Job');
    expect(job.metadata.name).toBe('lattice-migrate-0-1-0');
    const steps = [...job.spec.template.spec.initContainers, ...job.spec.template.spec.containers];
    expect(steps.map((c: Manifest) => c.name)).toEqual([
      'migrate-identity',
      'migrate-marketplace',
      'migrate-credentials',
      'migrate-notifications',
      'migrate-evidence',
    ]);
    for (const step of steps) {
      const environment = environmentOf(step, migrate);
      expect(environment.MIGRATE_ONLY).toBe('true');
      expect(() => loadEnv(schemas[step.name.replace('migrate-', '')], environment)).not.toThrow();
    }
    expect(apps.some((m: Manifest) => m.kind === 'Job')).toBe(false);
  });

  it('a new subgraph is one values entry: its Deployment, migration step and gateway URL follow', () => {
    const manifests = renderAll(withSecrets, {
      apps: {
        evidence: {
          kind: 'subgraph',
          port: 4006,
          gatewayUrlVariable: 'EVIDENCE_URL',
          replicas: 2,
          maxReplicas: 4,
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
        },
      },
    });
    expect(
      manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'lattice-evidence'),
    ).toBeDefined();
    const gateway = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'lattice-gateway');
    expect(gateway.spec.template.spec.containers[0].env).toContainEqual({
      name: 'EVIDENCE_URL',
      value: 'http://lattice-evidence:4006/graphql',
    });
    expect(manifests.find((m) => m.kind === 'Job').spec.template.spec.containers[0].name).toBe(
      'migrate-evidence',
    );
    expect(validate(manifests).status).toBe(0);
  });
});

describe('docker-compose scaled profile', () => {
  const compose = yaml.load(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as Manifest;

  it('adds replicas of every app under the same names, only in the profile', () => {
    const expected: Record<string, number> = {
      identity: 3,
      marketplace: 3,
      credentials: 3,
      notifications: 3,
      worker: 2,
      gateway: 2,
    };
    for (const [app, total] of Object.entries(expected)) {
      const base = compose.services[app];
      const extra = compose.services[`${app}-replicas`];
      expect(base.profiles).toBeUndefined();
      expect(extra.profiles).toEqual(['scaled']);
      expect(1 + extra.deploy.replicas).toBe(total);
      // The same app, configured the same way.
      expect(extra.environment).toEqual(base.environment);
      expect(extra.image).toBe(base.image);
      if (app !== 'worker') expect(extra.networks.default.aliases).toEqual([app]);
    }
    expect(compose.services.edge.profiles).toEqual(['scaled']);
    expect(compose.configs.edge.content).toContain('server gateway:4000');
  });
});
