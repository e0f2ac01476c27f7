import { creationDefaults } from '../../model/creation-defaults';
import { parseForecastRules } from '../../model/forecast-matrix';
import { revenueTypes } from '../../mock/revenue-types';
import { descriptionOf, propertiesOf, itemsOf, enumOf } from '../../model/schema-access';
import { indexSpec, type SpecIndex } from '../../mock/spec-index';
import { FIELDS } from '../../mock/spec-fields';
import { getSpec, type SpecModel } from '../../model';
import { opOf } from './helpers';

let spec: SpecModel;
let index: SpecIndex;
beforeAll(async () => {
  spec = await getSpec();
  index = indexSpec(spec);
});

const createResource = (version: string) =>
  propertiesOf(index.createBody(version))[FIELDS.resource];

describe('the field names the mock relies on exist in the spec', () => {
  it('in create bodies, reads, and the 201 body, for every version', () => {
    for (const version of index.versions) {
      const created = propertiesOf(createResource(version));
      for (const name of [
        FIELDS.partnerId,
        FIELDS.status,
        FIELDS.forecastCategory,
        FIELDS.currency,
      ]) {
        expect(created).toHaveProperty(name);
      }
      expect(propertiesOf(index.createBody(version))).toHaveProperty(FIELDS.offerLines);
      const read = propertiesOf(index.readResource(version));
      for (const name of [
        FIELDS.dsId,
        FIELDS.partnerId,
        FIELDS.createdDate,
        FIELDS.modifiedDate,
        FIELDS.offerLines,
      ]) {
        expect(read).toHaveProperty(name);
      }
      expect(propertiesOf(itemsOf(read[FIELDS.offerLines]))).toHaveProperty(FIELDS.amount);
      expect(index.readRevenueType(version)).toBeDefined();
      expect(index.createRevenueType(version)).toBeDefined();
      const created201 = propertiesOf(opOf(spec, 'create', version).responses['201'].json?.schema);
      expect(created201).toHaveProperty(FIELDS.dsId);
      expect(created201).toHaveProperty(FIELDS.info);
    }
  });

  it('in search criteria, search results and the listing', () => {
    const search = opOf(spec, 'search');
    const criterion = propertiesOf(
      itemsOf(propertiesOf(search.requestBody?.json?.schema)[FIELDS.data]),
    );
    expect(criterion).toHaveProperty(FIELDS.modifiedDate);
    expect(criterion).toHaveProperty(FIELDS.partnerId);
    const result = propertiesOf(
      itemsOf(propertiesOf(search.responses['200'].json?.schema)[FIELDS.data]),
    );
    expect(result).toHaveProperty(FIELDS.dsId);
    const list = opOf(spec, 'list');
    expect(list.parameters.map((p) => p.name).sort()).toEqual([FIELDS.skip, FIELDS.top].sort());
    expect(JSON.stringify(list.responses['200'].json?.schema)).toContain(FIELDS.estimatedCount);
  });
});

describe('creation defaults read from descriptions', () => {
  it('finds reasonWon, reasonLost and dsOwnerEmail, each named in its description', () => {
    for (const version of index.versions) {
      const defaults = creationDefaults(createResource(version));
      expect(defaults).toEqual({
        reasonWon: ['STRNG_VAL_PROP'],
        reasonLost: ['NO_PROJECT'],
        dsOwnerEmail: expect.stringMatching(/@/),
      });
      const props = propertiesOf(createResource(version));
      expect(descriptionOf(props.reasonWon)).toContain('STRNG_VAL_PROP');
      expect(descriptionOf(props.reasonLost)).toContain('NO_PROJECT');
      expect(descriptionOf(props.dsOwnerEmail)).toMatch(/defaulted to the primary 3DS PSM/);
    }
  });
});

describe('the forecastCategory matrix read from its description', () => {
  it('matches the table and the "ignored at creation" sentence of the description', () => {
    const props = propertiesOf(createResource(index.latest));
    const text = descriptionOf(props[FIELDS.forecastCategory]);
    const rules = parseForecastRules(props[FIELDS.forecastCategory], props[FIELDS.status]);
    expect(
      Object.fromEntries(
        [...rules.rows].map(([status, row]) => [status, [row.default, row.allowed, row.systemSet]]),
      ),
    ).toEqual({
      OPPY_OPEN: ['UPSIDE', ['SAFE', 'COMMIT', 'UPSIDE', 'LONGSHOT'], false],
      VALIDATED: ['UPSIDE', ['SAFE', 'COMMIT', 'UPSIDE', 'LONGSHOT'], false],
      ESTABLISHED: ['UPSIDE', ['SAFE', 'COMMIT', 'UPSIDE', 'LONGSHOT'], false],
      WON: ['WON', ['WON'], true],
      LOST: ['LOST', ['LOST'], true],
    });
    expect([...rules.ignoredAtCreation].sort()).toEqual(['ACCEPTED', 'LEAD_OPEN', 'QUALIFIED']);
    expect(rules.empty).toBe('EMPTY');
    // Every row the parser found is a row of the text, and the text has no row it missed.
    expect((text.match(/\|\s*-?\d?\s*[A-Za-z]+\s*\|\s*[A-Za-z]+\s*\|/g) ?? []).length).toBe(
      rules.rows.size,
    );
  });
});

describe('revenue types across versions', () => {
  it("agree with the spec's pair of read examples for the same object", () => {
    const revenue = revenueTypes(index);
    const lines = (version: string): Array<{ revenueType: string }> =>
      (
        opOf(spec, 'read', version).responses['200'].json?.examples[0].value as {
          data: { leadOpportunity: { offerLines: Array<{ revenueType: string }> } };
        }
      ).data.leadOpportunity.offerLines;
    const [old, latest] = [lines('v0'), lines('v1')];
    old.forEach((line, i) => {
      expect(revenue.toStored('v0', line.revenueType)).toBe(latest[i].revenueType);
      expect(revenue.forRead('v0', latest[i].revenueType)).toBe(line.revenueType);
    });
  });

  it('give every value a version can create a value every version can read', () => {
    const revenue = revenueTypes(index);
    for (const from of index.versions) {
      for (const value of enumOf(index.createRevenueType(from)) as string[]) {
        const stored = revenue.toStored(from, value);
        expect(stored).toBeDefined();
        for (const to of index.versions) {
          expect(enumOf(index.readRevenueType(to))).toContain(
            revenue.forRead(to, stored as string),
          );
        }
      }
    }
  });
});
