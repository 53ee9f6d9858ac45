// One vocabulary: the product's value lists are declared in libs/shared/contracts and registered
// here once. A library that declares its own enum or list with the same values (a twin such as
// the DesignDeliveryMode credentials once had) fails this test.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as contracts from '@lattice/shared-contracts';
import { CareerStageEnum, DeliveryModeEnum, RoleEnum } from './vocabulary';

const ROOT = join(__dirname, '../../../../..');
const LISTS: Record<string, readonly string[]> = {
  ROLES: contracts.ROLES,
  ORGANIZATION_KINDS: contracts.ORGANIZATION_KINDS,
  ORGANIZATION_SIZES: contracts.ORGANIZATION_SIZES,
  DELIVERY_MODES: contracts.DELIVERY_MODES,
  CAREER_STAGES: contracts.CAREER_STAGES,
  ASSESSMENT_METHODS: contracts.ASSESSMENT_METHODS,
  OUTCOME_KINDS: contracts.OUTCOME_KINDS,
  DESIGN_STAGES: contracts.DESIGN_STAGES,
};
const key = (values: readonly string[]) => [...values].sort().join(',');
const byValues = new Map(Object.entries(LISTS).map(([name, values]) => [key(values), name]));

/** Value lists a server source file declares: `enum X { A = 'A', … }`, `['A', 'B'] as const`, `'A' | 'B'` types. */
function declaredLists(text: string): string[][] {
  const lists: string[][] = [];
  for (const [, body] of text.matchAll(/\benum\s+\w+\s*\{([^}]*)\}/g))
    lists.push([...body!.matchAll(/=\s*'([A-Z_]+)'/g)].map((m) => m[1]!));
  for (const [, body] of text.matchAll(/\[((?:\s*'[A-Z_]+',?)+\s*)\]\s*as const/g))
    lists.push([...body!.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!));
  for (const [, body] of text.matchAll(/type\s+\w+\s*=\s*((?:\s*\|?\s*'[A-Z_]+')+)\s*;/g))
    lists.push([...body!.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!));
  return lists;
}

describe('one vocabulary', () => {
  it('registers the contracts lists as they are', () => {
    expect(Object.keys(DeliveryModeEnum)).toEqual([...contracts.DELIVERY_MODES]);
    expect(CareerStageEnum.NEW_TO_SECTOR).toBe('NEW_TO_SECTOR');
    expect(RoleEnum.MEMBER).toBe('MEMBER');
  });

  it('has no twin of a contracts list in any server library or app', () => {
    const files = execFileSync('git', ['ls-files', 'libs', 'apps'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(
        (file) =>
          /\.ts$/.test(file) &&
          !/\.(spec|int-spec)\.ts$/.test(file) &&
          !file.startsWith('apps/web/') &&
          !file.startsWith('libs/shared/contracts/'),
      )
      .filter((file) => !file.includes('/migrations/'));
    const twins = files.flatMap((file) =>
      declaredLists(readFileSync(join(ROOT, file), 'utf8'))
        .filter((values) => byValues.has(key(values)))
        .map(
          (values) => `${file}: ${values.join(' ')} (declared in contracts as ${byValues.get(key(values))})`,
        ),
    );
    expect(twins).toEqual([]);
  });

  it('recognises a twin', () => {
    expect(
      declaredLists(
        "export enum DesignDeliveryModeEnum { ONLINE = 'ONLINE', IN_PERSON = 'IN_PERSON', HYBRID = 'HYBRID' }",
      ),
    ).toEqual([['ONLINE', 'IN_PERSON', 'HYBRID']]);
    expect(declaredLists("export type OrgSize = 'SMALL' | 'MEDIUM' | 'LARGE';")).toEqual([
      ['SMALL', 'MEDIUM', 'LARGE'],
    ]);
    expect(declaredLists("const STAGES = ['ENTRY', 'MID_CAREER'] as const;")).toEqual([
      ['ENTRY', 'MID_CAREER'],
    ]);
  });
});
