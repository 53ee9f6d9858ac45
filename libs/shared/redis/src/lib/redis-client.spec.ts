// The one Redis factory: which target a configuration names, and the client each use gets.
import { Cluster } from 'ioredis';
import {
  clusterSafePrefix,
  createRedisClient,
  describeTarget,
  parseClusterNodes,
  redisTargetFrom,
} from './redis-client';

describe('redisTargetFrom', () => {
  it('names the cluster when REDIS_CLUSTER_NODES is set (with its password), else REDIS_URL', () => {
    expect(redisTargetFrom({ REDIS_URL: 'redis://cache:6379' })).toEqual({
      url: 'redis://cache:6379',
      clusterNodes: [],
    });
    expect(
      redisTargetFrom({
        REDIS_URL: 'redis://cache:6379',
        REDIS_CLUSTER_NODES: ' a:7000, b:7001 ,',
        REDIS_PASSWORD: 's3cret',
      }),
    ).toEqual({
      url: 'redis://cache:6379',
      clusterNodes: ['a:7000', 'b:7001'],
      password: 's3cret',
    });
    expect(parseClusterNodes(undefined)).toEqual([]);
  });

  it('describes where it connects without the password, and wraps a cluster prefix in a hash tag', () => {
    expect(describeTarget({ url: 'redis://:pw@cache:6380/0' })).toBe('Redis at cache:6380');
    expect(describeTarget({ clusterNodes: ['a:7000', 'b:7001'], password: 'pw' })).toBe(
      'the Redis Cluster at a:7000,b:7001',
    );
    expect(clusterSafePrefix('lattice', { clusterNodes: ['a:7000'] })).toBe('{lattice}');
    expect(clusterSafePrefix('lattice', { url: 'redis://a' })).toBe('lattice');
  });
});

describe('createRedisClient', () => {
  it('opens a Cluster for cluster nodes and one Redis otherwise, fail-fast without an offline queue', () => {
    const lines: string[] = [];
    const cluster = createRedisClient(
      { clusterNodes: ['127.0.0.1:1'] },
      { name: 'spec', mode: 'fail-fast', log: (l) => lines.push(l) },
    );
    const single = createRedisClient(
      { url: 'redis://127.0.0.1:1' },
      { name: 'spec', mode: 'fail-fast', log: (l) => lines.push(l) },
    );
    const blocking = createRedisClient({ url: 'redis://127.0.0.1:1' }, { mode: 'blocking' });
    try {
      expect(cluster).toBeInstanceOf(Cluster);
      expect(cluster.options.enableOfflineQueue).toBe(false);
      expect(single).not.toBeInstanceOf(Cluster);
      expect(single.options).toMatchObject({
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectionName: 'spec',
      });
      expect(blocking.options).toMatchObject({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    } finally {
      cluster.disconnect();
      single.disconnect();
      blocking.disconnect();
    }
  });
});
