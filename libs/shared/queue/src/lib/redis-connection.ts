// The queue opens Redis through the one factory (@lattice/shared-redis); re-exported here for
// the queue's callers (the worker names REDIS_CLUSTER_NODES through parseClusterNodes).
export {
  clusterSafePrefix,
  createRedisClient,
  isClustered,
  parseClusterNodes,
  redisTargetFrom,
  type RedisClient,
  type RedisTarget,
} from '@lattice/shared-redis';
