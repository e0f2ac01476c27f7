import { compareSentToRead } from '../../checks/round-trip';

describe('compareSentToRead (what was sent is what is read)', () => {
  it('accepts extra server fields, singular list names and other date precisions', () => {
    const sent = {
      lead: { name: 'A', closeDate: '2025-08-01T18:03:16.325Z' },
      customerContacts: [{ email: 'a@b.c' }],
    };
    const read = {
      lead: { name: 'A', closeDate: '2025-08-01T18:03:16.325+00:00', extra: 1 },
      customerContact: [{ email: 'a@b.c', id: 'x' }],
    };
    expect(compareSentToRead(sent, read)).toEqual([]);
  });

  it('reports a lost value with its pointer', () => {
    expect(compareSentToRead({ lead: { name: 'A' } }, { lead: { name: 'B' } })).toEqual([
      '/lead/name: sent "A", read "B"',
    ]);
  });

  it('matches list items whatever their order, but not a different count', () => {
    expect(compareSentToRead({ l: [{ a: 1 }, { a: 2 }] }, { l: [{ a: 2 }, { a: 1 }] })).toEqual([]);
    expect(compareSentToRead({ l: [{ a: 1 }] }, { l: [{ a: 1 }, { a: 2 }] })[0]).toMatch(
      /sent 1 items, read 2/,
    );
  });

  it('uses the translation for values of another vocabulary', () => {
    const translate = (pointer: string, v: unknown) =>
      pointer.endsWith('/revenueType') && v === 'UPFRONT' ? ['PxC'] : undefined;
    expect(
      compareSentToRead(
        { o: [{ revenueType: 'UPFRONT' }] },
        { o: [{ revenueType: 'PxC' }] },
        { translate },
      ),
    ).toEqual([]);
    expect(
      compareSentToRead(
        { o: [{ revenueType: 'UPFRONT' }] },
        { o: [{ revenueType: 'YxC' }] },
        { translate },
      ),
    ).toHaveLength(1);
  });
});
