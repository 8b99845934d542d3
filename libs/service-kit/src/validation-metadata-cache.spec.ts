import { getMetadataStorage, IsInt, IsString, MinLength, validateSync } from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  name!: unknown;
}
class Child extends Base {
  @IsInt()
  count!: unknown;

  @MinLength(5, { groups: ['strict'] })
  code!: unknown;
}

const failed = (o: object, groups?: string[]) =>
  validateSync(o, { forbidUnknownValues: true, ...(groups ? { groups } : {}) })
    .map((e) => `${e.property}:${Object.keys(e.constraints ?? {}).join(',')}`)
    .sort();
const child = (v: Partial<Record<'name' | 'count' | 'code', unknown>>) => Object.assign(new Child(), v);

describe('memoized class-validator metadata', () => {
  // What validation answers before the lookups are remembered...
  const before = {
    bad: failed(child({ name: 1, count: 'x', code: 'ab' })),
    good: failed(child({ name: 'n', count: 1, code: 'abcdef' })),
    strict: failed(child({ name: 'n', count: 1, code: 'ab' }), ['strict']),
    otherGroup: failed(child({ name: 1, count: 'x', code: 'ab' }), ['other']),
  };

  beforeAll(() => memoizeValidationMetadata());

  it('answers exactly as before, inherited rules and groups included, also when asked again', () => {
    // Without groups class-validator applies grouped rules too (strictGroups is off).
    expect(before.bad).toEqual(['code:minLength', 'count:isInt', 'name:isString']);
    expect(before.good).toEqual([]);
    expect(before.strict).toEqual(['code:minLength']);
    for (let i = 0; i < 3; i++) {
      expect(failed(child({ name: 1, count: 'x', code: 'ab' }))).toEqual(before.bad);
      expect(failed(child({ name: 'n', count: 1, code: 'abcdef' }))).toEqual(before.good);
      expect(failed(child({ name: 'n', count: 1, code: 'ab' }), ['strict'])).toEqual(before.strict);
      expect(failed(child({ name: 1, count: 'x', code: 'ab' }), ['other'])).toEqual(before.otherGroup);
    }
  });

  it('serves a repeated lookup from memory', () => {
    const storage = getMetadataStorage();
    const a = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(a);
    expect(storage.groupByPropertyName(a)).toBe(storage.groupByPropertyName(a));
    expect(storage.getTargetValidationMetadatas(Child, '', false, false, ['strict'])).not.toBe(a);
  });

  it('sees rules registered after the first validations (a class loaded later)', () => {
    class Later extends Base {
      @IsInt()
      size!: unknown;
    }
    expect(failed(Object.assign(new Later(), { name: 1, size: 'x' }))).toEqual(['name:isString', 'size:isInt']);
    expect(failed(child({ name: 1, count: 'x', code: 'ab' }))).toEqual(before.bad);
  });

  it('is installed once however often it is called', () => {
    const storage = getMetadataStorage();
    const installed = storage.getTargetValidationMetadatas;
    memoizeValidationMetadata();
    expect(storage.getTargetValidationMetadatas).toBe(installed);
  });
});
