import fc from 'fast-check';
const N = 20000;
function time(name: string, arb: fc.Arbitrary<unknown>) {
  fc.sample(arb, { seed: 0, numRuns: 100 });
  const t = performance.now();
  fc.sample(arb, { seed: 1, numRuns: N });
  console.log(name.padEnd(30), ((performance.now() - t) / N * 1000).toFixed(2), 'us');
}
time('string ascii', fc.string());
time('string grapheme', fc.string({ unit: 'grapheme' }));
time('lorem', fc.lorem({ maxCount: 6 }));
time('constantFrom', fc.constantFrom('a', 'b', 'c'));
time('integer', fc.integer());
time('date', fc.date({ noInvalidDate: true }));
time('date iso', fc.date({ noInvalidDate: true }).map(d => d.toISOString()));
time('stringMatching id', fc.stringMatching(/^[A-Z]{3,8}(-[A-Z]{2,6}){0,2}-[0-9A-Z]{4,8}$/));
time('double', fc.double({ noNaN: true }));
time('oneof 3', fc.oneof(fc.constant(1), fc.constant(2), fc.integer()));
time('record 10 opt', fc.record(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, fc.constant(i)])), { requiredKeys: [] }));
time('option', fc.option(fc.constant(1)));
time('array small', fc.array(fc.constant(1)));
time('nat map str', fc.nat().map(n => n.toString(36)));
