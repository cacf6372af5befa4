// Root hooks for the e2e mocha run (loaded with --require): the shared
// code-server session outlives single describe blocks and is closed here.
import { closeSharedSession } from './harness';

export const mochaHooks = {
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(30_000);
    await closeSharedSession();
  },
};
