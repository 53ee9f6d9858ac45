// The e2e suites in jest's usual order, except replica-failover.e2e-spec.ts last: it kills one
// replica of each kind, and the suites before it should run on the whole replicated stack.
const Sequencer = require('@jest/test-sequencer').default;

class KillsLast extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const kills = (test) => /replica-failover\.e2e-spec\.ts$/.test(test.path);
    return [...sorted.filter((test) => !kills(test)), ...sorted.filter(kills)];
  }
}

module.exports = KillsLast;
