import * as assert from 'assert';
import { serverProcessEnv } from '../../server/launch';

describe('server/launch: the environment clients add for the server process', function () {
  it('limits glibc to two malloc arenas when the environment does not say otherwise', function () {
    assert.deepStrictEqual(serverProcessEnv({ PATH: '/usr/bin' }), { MALLOC_ARENA_MAX: '2' });
  });

  it("keeps the user's own value: nothing is added over it", function () {
    assert.deepStrictEqual(serverProcessEnv({ MALLOC_ARENA_MAX: '8' }), {});
    assert.deepStrictEqual(serverProcessEnv({ MALLOC_ARENA_MAX: '' }), {});
  });
});
