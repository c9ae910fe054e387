import { describe, expect, it } from 'vitest';
import { manualStepsOf } from '../../src/renderer/networks/x/xSteps.ts';

describe('what the preview says of the steps on X', () => {
  it('counts the people on X among the picked and what that costs the user in time', () => {
    expect(manualStepsOf('unfollow', 12, 40)).toBe(
      '12 of them are on X: Twoway opens each profile for you to unfollow there, and you mark each done in the queue — about 6 min at 30 s each.',
    );
    expect(manualStepsOf('unfollow', 1, 3)).toBe(
      '1 of them is on X: Twoway opens the profile for you to unfollow there, and you mark it done in the queue — about 30 s.',
    );
  });

  it('speaks of all of them when everyone picked is on X, and in hours when it takes that long', () => {
    expect(manualStepsOf('follow', 1, 1)).toBe(
      'It is on X: Twoway opens the profile for you to follow back there, and you mark it done in the queue — about 30 s.',
    );
    expect(manualStepsOf('unfollow', 150, 150)).toBe(
      'All 150 are on X: Twoway opens each profile for you to unfollow there, and you mark each done in the queue — about 1 h 15 min at 30 s each.',
    );
  });

  it('says nothing when no one picked is on X', () => {
    expect(manualStepsOf('unfollow', 0, 9)).toBeNull();
  });
});
