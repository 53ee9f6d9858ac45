// Canadian regions the API accepts, and the containment that matching relies on: a region
// contains every region whose `within` chain leads to it (ON ⊃ ON-Northeast ⊃ ON-Sudbury).
import { CA_REGIONS } from './ca-regions.data';

export type RegionKind = 'PROVINCE' | 'CMA' | 'ECONOMIC_REGION';
export interface Region {
  readonly code: string;
  readonly kind: RegionKind;
  readonly nameEn: string;
  readonly nameFr: string;
  readonly within: string | null;
  readonly aliases: readonly string[];
}

const byCode = new Map(CA_REGIONS.map((region) => [region.code, region]));

export function findRegion(code: string): Region | undefined {
  return byCode.get(code);
}

export function isRegionCode(code: string): boolean {
  return byCode.has(code);
}

export function allRegions(): readonly Region[] {
  return CA_REGIONS;
}

/** The region itself and every region containing it, innermost first: ON-Sudbury, ON-Northeast, ON. */
export function regionAndAncestors(code: string): string[] {
  const chain: string[] = [];
  let current = byCode.get(code);
  while (current && !chain.includes(current.code)) {
    chain.push(current.code);
    current = current.within ? byCode.get(current.within) : undefined;
  }
  return chain;
}

/** The region itself and every region within it. */
export function regionAndDescendants(code: string): string[] {
  if (!byCode.has(code)) return [];
  return CA_REGIONS.filter((region) => regionAndAncestors(region.code).includes(code)).map((r) => r.code);
}

/** True when `outer` is `inner` or contains it. */
export function regionContains(outer: string, inner: string): boolean {
  return regionAndAncestors(inner).includes(outer);
}

export function regionLabel(code: string, locale: 'en' | 'fr' = 'en'): string {
  const region = byCode.get(code);
  if (!region) return code;
  return locale === 'fr' ? region.nameFr : region.nameEn;
}
