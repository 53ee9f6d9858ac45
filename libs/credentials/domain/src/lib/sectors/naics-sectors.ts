// Endorsers grouped by the NAICS sector of their organization (identity keeps a NAICS code of 2 to
// 6 digits; its first two digits name the sector). NAICS Canada 2022 sectors, as Lattice serves
// Canadian employers; a code outside them is still grouped, under its own two digits.

export interface NaicsSector {
  /** The sector's code as NAICS writes it (`31-33` for manufacturing). */
  readonly code: string;
  readonly name: string;
}

const SECTORS: readonly (readonly [readonly string[], string])[] = [
  [['11'], 'Agriculture, forestry, fishing and hunting'],
  [['21'], 'Mining, quarrying, and oil and gas extraction'],
  [['22'], 'Utilities'],
  [['23'], 'Construction'],
  [['31', '32', '33'], 'Manufacturing'],
  [['41'], 'Wholesale trade'],
  [['44', '45'], 'Retail trade'],
  [['48', '49'], 'Transportation and warehousing'],
  [['51'], 'Information and cultural industries'],
  [['52'], 'Finance and insurance'],
  [['53'], 'Real estate and rental and leasing'],
  [['54'], 'Professional, scientific and technical services'],
  [['55'], 'Management of companies and enterprises'],
  [['56'], 'Administrative and support, waste management and remediation services'],
  [['61'], 'Educational services'],
  [['62'], 'Health care and social assistance'],
  [['71'], 'Arts, entertainment and recreation'],
  [['72'], 'Accommodation and food services'],
  [['81'], 'Other services (except public administration)'],
  [['91'], 'Public administration'],
];
const BY_PREFIX = new Map<string, NaicsSector>(
  SECTORS.flatMap(([prefixes, name]) => {
    const code = prefixes.length > 1 ? `${prefixes[0]}-${prefixes.at(-1)}` : prefixes[0]!;
    return prefixes.map((prefix) => [prefix, { code, name }] as const);
  }),
);

/** The sector of a NAICS code, or null when the organization stated none. */
export function naicsSector(code: string | null | undefined): NaicsSector | null {
  const prefix = code?.trim().slice(0, 2);
  if (!prefix || !/^\d{2}$/.test(prefix)) return null;
  return BY_PREFIX.get(prefix) ?? { code: prefix, name: `NAICS sector ${prefix}` };
}

/** How endorsers without a sector are labelled. */
export const NO_SECTOR = 'Sector not stated';

export interface SectorGroup<T> {
  /** null for endorsers whose organization stated no sector (umbrellas often). */
  readonly sector: NaicsSector | null;
  readonly members: T[];
}

/** Groups by sector, sectors in code order, those without a sector last; members keep their order. */
export function groupBySector<T>(
  items: readonly T[],
  sectorCodeOf: (item: T) => string | null | undefined,
): SectorGroup<T>[] {
  const groups = new Map<string, SectorGroup<T>>();
  for (const item of items) {
    const sector = naicsSector(sectorCodeOf(item));
    const key = sector?.code ?? '';
    const group = groups.get(key) ?? { sector, members: [] };
    group.members.push(item);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([, group]) => group);
}
