// Renders Lattice's Kubernetes manifests from deploy/kubernetes/values.yaml (plus override files):
// a Deployment, Service, HorizontalPodAutoscaler and PodDisruptionBudget per app, a ConfigMap, an
// optional Secret, and the migration Job that runs before a rollout. Plain manifests from a small
// renderer rather than a Helm chart: no Helm binary can be installed from the npm registry or
// Debian here, so CI could not render a chart; this it renders and validates (tools/kubernetes.spec.ts).
//
//   node tools/kubernetes.cjs [-f values.yaml ...] [--part migrate|apps] > lattice.yaml
//
// `--part migrate` prints what must be applied and finish first (ConfigMap, Secret, the Job);
// `--part apps` the rest. docs/kubernetes.md shows the rollout.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const yaml = require('js-yaml');

const ROOT = join(__dirname, '..');
const DEFAULT_VALUES = join(ROOT, 'deploy/kubernetes/values.yaml');

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Deep merge: objects merge, everything else (arrays included) is replaced. */
function merge(base, override) {
  if (!isObject(base) || !isObject(override)) return override === undefined ? base : override;
  const out = { ...base };
  for (const [key, value] of Object.entries(override))
    out[key] = value === null ? undefined : merge(base[key], value);
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

function loadValues(files = []) {
  return [DEFAULT_VALUES, ...files]
    .map((file) => yaml.load(readFileSync(file, 'utf8')))
    .reduce((acc, next) => merge(acc, next ?? {}), {});
}

/** A DNS-1123 label from anything (image tags carry dots and pluses). */
function label(text) {
  return String(text)
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

function render(values) {
  const name = values.name;
  const namespace = values.namespace;
  const apps = Object.entries(values.apps);
  const image = `${values.image.repository}:${values.image.tag}`;
  const configName = `${name}-config`;
  const secretName = values.secrets.create ? `${name}-secrets` : values.secrets.existingSecret;
  const labels = (component) => ({
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/instance': name,
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/version': label(values.image.tag),
    'app.kubernetes.io/managed-by': 'lattice-render',
  });
  const selector = (component) => ({
    'app.kubernetes.io/instance': name,
    'app.kubernetes.io/component': component,
  });
  const meta = (objectName, component) => ({ name: objectName, namespace, labels: labels(component) });
  const fill = (text) => String(text).replaceAll('{name}', name);

  const secretRef = (envName, key) => {
    const optional = key.endsWith('?');
    return {
      name: envName,
      valueFrom: { secretKeyRef: { name: secretName, key: optional ? key.slice(0, -1) : key, optional } },
    };
  };
  const redisClustered = (values.redis.clusterNodes ?? []).length > 0;

  /** Environment every app reads: the ConfigMap, the database, the token key, Redis. */
  const commonEnv = [
    secretRef('DATABASE_URL', 'database-url'),
    // Streaming replicas for read-heavy queries (docs/scaling.md): absent, the primary serves all.
    secretRef('DATABASE_REPLICA_URLS', 'database-replica-urls?'),
    secretRef('JWT_PUBLIC_KEY', 'jwt-public-key'),
    ...(redisClustered ? [] : [secretRef('REDIS_URL', 'redis-url?')]),
    secretRef('REDIS_PASSWORD', 'redis-password?'),
  ];

  const config = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: meta(configName, 'config'),
    data: {
      NODE_ENV: values.nodeEnv,
      HOST: '0.0.0.0',
      PUBLIC_BASE_URL: values.publicBaseUrl,
      IDENTITY_INTERNAL_URL: `http://${name}-identity:${values.apps.identity.port}`,
      DATABASE_POOL_SIZE: String(values.postgres.poolSize),
      DATABASE_REPLICA_MAX_LAG_MS: String(values.postgres.replicaMaxLagMs ?? 10000),
      QUEUE_PREFIX: values.redis.queuePrefix,
      ...(redisClustered ? { REDIS_CLUSTER_NODES: values.redis.clusterNodes.join(',') } : {}),
    },
  };

  const documents = { migrate: [config], apps: [] };
  if (values.secrets.create) {
    documents.migrate.push({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta(secretName, 'secrets'),
      type: 'Opaque',
      stringData: Object.fromEntries(
        Object.entries(values.secrets.values ?? {}).map(([key, value]) => [key, String(value)]),
      ),
    });
  }

  const securityContext = {
    runAsNonRoot: true,
    runAsUser: 10001,
    runAsGroup: 10001,
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };
  const container = (app, spec, env) => ({
    name: app,
    image,
    imagePullPolicy: values.image.pullPolicy,
    // The gateway holds no database or Redis credentials: it only talks to the subgraphs.
    env: [
      { name: 'APP', value: app },
      { name: 'PORT', value: String(spec.port) },
      ...(spec.kind === 'gateway' ? [] : commonEnv),
      ...env,
    ],
    envFrom: [{ configMapRef: { name: configName } }],
    securityContext,
  });
  const appEnv = (spec) => [
    ...Object.entries(spec.env ?? {}).map(([key, value]) => ({ name: key, value: fill(value) })),
    ...Object.entries(spec.secretEnv ?? {}).map(([key, secretKey]) => secretRef(key, secretKey)),
  ];

  // The migration Job: each subgraph's migrations in turn (init containers run one after the
  // other, under the database-wide advisory lock the apps also take), then done. Named after the
  // image tag, so every release runs its own (a Job's pod template cannot change).
  const subgraphs = apps.filter(([, spec]) => spec.kind === 'subgraph');
  const migrateContainers = subgraphs.map(([app, spec]) => ({
    ...container(app, spec, [{ name: 'MIGRATE_ONLY', value: 'true' }, ...appEnv(spec)]),
    name: `migrate-${app}`,
    resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
  }));
  documents.migrate.push({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { ...meta(`${name}-migrate-${label(values.image.tag)}`, 'migrate') },
    spec: {
      backoffLimit: 3,
      activeDeadlineSeconds: 1800,
      ttlSecondsAfterFinished: 86400,
      template: {
        metadata: { labels: labels('migrate') },
        spec: {
          restartPolicy: 'Never',
          initContainers: migrateContainers.slice(0, -1),
          containers: migrateContainers.slice(-1),
        },
      },
    },
  });

  for (const [app, spec] of apps) {
    const env = appEnv(spec);
    if (spec.kind === 'gateway') {
      for (const [other, otherSpec] of subgraphs) {
        // A Service spreads each subgraph's traffic over its replicas.
        env.push({
          name: otherSpec.gatewayUrlVariable,
          value: `http://${name}-${other}:${otherSpec.port}/graphql`,
        });
      }
    }
    const probe = (path, extra) => ({
      httpGet: { path, port: 'http' },
      periodSeconds: 10,
      timeoutSeconds: 3,
      ...extra,
    });
    documents.apps.push(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta(`${name}-${app}`, app),
        spec: {
          replicas: spec.replicas,
          revisionHistoryLimit: 5,
          selector: { matchLabels: selector(app) },
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
          template: {
            metadata: { labels: labels(app) },
            spec: {
              // SIGTERM: the apps drain (the worker finishes the sends in flight) before this runs out.
              terminationGracePeriodSeconds: spec.kind === 'worker' ? 60 : 30,
              topologySpreadConstraints: [
                {
                  maxSkew: 1,
                  topologyKey: 'kubernetes.io/hostname',
                  whenUnsatisfiable: 'ScheduleAnyway',
                  labelSelector: { matchLabels: selector(app) },
                },
              ],
              containers: [
                {
                  ...container(app, spec, env),
                  ports: [{ name: 'http', containerPort: spec.port, protocol: 'TCP' }],
                  // Start-up includes migrations and (marketplace) the first ESCO import.
                  startupProbe: probe('/health/live', { failureThreshold: 60, periodSeconds: 5 }),
                  livenessProbe: probe('/health/live', { failureThreshold: 3 }),
                  readinessProbe: probe('/health/ready', { failureThreshold: 2, periodSeconds: 5 }),
                  resources: spec.resources,
                },
              ],
            },
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta(`${name}-${app}`, app),
        spec: {
          type: 'ClusterIP',
          selector: selector(app),
          ports: [{ name: 'http', port: spec.port, targetPort: 'http', protocol: 'TCP' }],
        },
      },
      {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: meta(`${name}-${app}`, app),
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: `${name}-${app}` },
          minReplicas: spec.replicas,
          maxReplicas: spec.maxReplicas,
          metrics: [
            {
              type: 'Resource',
              resource: {
                name: 'cpu',
                target: {
                  type: 'Utilization',
                  averageUtilization: values.autoscaling.targetCPUUtilizationPercentage,
                },
              },
            },
          ],
        },
      },
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: meta(`${name}-${app}`, app),
        spec: {
          maxUnavailable: values.podDisruptionBudget.maxUnavailable,
          selector: { matchLabels: selector(app) },
        },
      },
    );
  }
  return documents;
}

function toYaml(documents) {
  return documents.map((document) => yaml.dump(document, { lineWidth: -1, noRefs: true })).join('---\n');
}

module.exports = { loadValues, render, toYaml, merge, DEFAULT_VALUES };

if (require.main === module) {
  const args = process.argv.slice(2);
  const files = [];
  let part = 'all';
  for (let index = 0; index < args.length; index++) {
    if (args[index] === '-f' || args[index] === '--values') files.push(args[++index]);
    else if (args[index] === '--part') part = args[++index];
    else throw new Error(`unknown argument ${args[index]} (use -f values.yaml, --part migrate|apps)`);
  }
  const documents = render(loadValues(files));
  const chosen = part === 'all' ? [...documents.migrate, ...documents.apps] : documents[part];
  if (!chosen) throw new Error(`--part is migrate or apps, not ${part}`);
  process.stdout.write(toYaml(chosen));
}
