import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type Metadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;
type Lookup = MetadataStorage['getTargetValidationMetadatas'];
const MEMOIZED = Symbol.for('meridian.validationMetadataMemoized');

/**
 * class-validator looks up a class's rules on every validation by scanning every decorated class
 * in the process (an `instanceof` test per class, for inherited rules), and groups them by
 * property afresh: 4–5 % of the CPU of the gateway and of execution at 500 orders/s, for answers
 * that never change once the classes are loaded (upstream: typestack/class-validator#2686). This
 * remembers both answers per class and options. Registering any new rule (a class loaded later)
 * forgets everything, so a lookup never misses a rule.
 */
export function memoizeValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const s = storage as MetadataStorage & { [MEMOIZED]?: true };
  if (s[MEMOIZED]) return;
  s[MEMOIZED] = true;
  let lookups = new WeakMap<object, Map<string, Metadata>>();
  let groupings = new WeakMap<Metadata, ReturnType<MetadataStorage['groupByPropertyName']>>();
  const forget = () => {
    lookups = new WeakMap();
    groupings = new WeakMap();
  };

  const lookup: Lookup = s.getTargetValidationMetadatas.bind(s);
  s.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups ? groups.join('\u0001') : '-'}`;
    let byOptions = lookups.get(target);
    if (!byOptions) lookups.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };

  const group = s.groupByPropertyName.bind(s);
  s.groupByPropertyName = (metadata) => {
    let grouped = groupings.get(metadata);
    if (!grouped) groupings.set(metadata, (grouped = group(metadata)));
    return grouped;
  };

  for (const register of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const original = (s[register] as (arg: never) => void).bind(s);
    (s as unknown as Record<string, (arg: never) => void>)[register] = (arg: never) => {
      forget();
      original(arg);
    };
  }
}
