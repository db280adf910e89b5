import * as assert from 'node:assert/strict';
import { activateExtension, isWebHost } from './util';

/** Activation budget printed by `npm run bench`; the test only checks the figure is real. */
const ACTIVATION_BUDGET_MS = 50;

suite('Benchmark figures', () => {
  test('activation time is measured from activate() entry to return', async () => {
    const { api } = await activateExtension();
    assert.ok(Number.isFinite(api.testing.activationMs) && api.testing.activationMs > 0, `activationMs: ${api.testing.activationMs}`);
    const figure = {
      name: `Activation (${isWebHost() ? 'web worker' : 'Node'} extension host, activate() entry to return)`,
      value: api.testing.activationMs,
      unit: 'ms',
      budget: ACTIVATION_BUDGET_MS,
      better: 'lower',
    };
    // `npm run bench` reads this line from the extension host's log.
    console.log(`SVC_BENCH activation ${JSON.stringify({ figures: [figure] })}`);
  });
});
