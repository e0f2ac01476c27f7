import { sleepAtLeast } from '../../engine/run';

it('sleepAtLeast(1) always ends in a later millisecond (a plain 1 ms timer sometimes does not)', async () => {
  let early = 0;
  for (let i = 0; i < 1500; i++) {
    const from = Date.now();
    await sleepAtLeast(1);
    if (Date.now() <= from) early++;
  }
  expect(early).toBe(0);
}, 20_000);
