// The demand map in the browser: open demand by region and by skill as bars and a table, with
// drill-through from a table row to the needs behind it.
import { randomUUID } from 'node:crypto';
import { createOrganization, ok, signUp } from '../support/client';
import { checkScreen, expectText, newContext, useBrowser } from './support/browser';
import { drillIntoDemand } from './steps/marketplace';

const browser = useBrowser();

it('shows demand against supply and drills through to the needs behind a cell', async () => {
  const suffix = randomUUID().slice(0, 6);
  const employer = await signUp('web-demand');
  const organizationId = await createOrganization(employer, {
    name: `Yukon Mines ${suffix}`,
    kind: 'EMPLOYER',
    size: 'SMALL',
    region: 'YT',
    sector: '212',
  });
  const skills = await ok<{ skills: { edges: Array<{ node: { id: string; label: string } }> } }>(
    '{ skills(search: "solve problems", first: 10) { edges { node { id label } } } }',
  );
  const solve = skills.skills.edges.find((e) => e.node.label === 'solve problems')!.node.id;
  const titles = [`Mine rescue leads ${suffix}`, `Mill operators ${suffix}`];
  for (const [index, title] of titles.entries()) {
    await ok(
      'mutation($i: PostSkillNeedInput!) { postSkillNeed(input: $i) { id } }',
      {
        i: {
          organizationId,
          title,
          skills: [{ skillId: solve, level: 2 }],
          region: 'YT',
          deliveryModes: ['IN_PERSON'],
          learnerCount: 10 + index,
          careerStage: 'ENTRY',
        },
      },
      employer.token,
    );
  }

  const page = await (await newContext(browser(), { token: employer.token })).newPage();
  await page.goto('/demand');
  const table = page.getByRole('table', { name: 'Demand and supply by Region' });
  await expectText(table, 'Yukon');
  await checkScreen(page, 'demand-map');

  const byRegion = await drillIntoDemand(page, { groupBy: 'Region', label: 'Yukon' });
  expect(byRegion).toEqual(expect.arrayContaining(titles));
  // Choosing the cell moves focus to the list of its needs.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Needs behind Yukon');
  await checkScreen(page, 'demand-drill-through');

  const bySkill = await drillIntoDemand(page, { groupBy: 'Skill', region: 'YT', label: 'solve problems' });
  expect(bySkill.sort()).toEqual([...titles].sort());
  const row = page
    .getByRole('table', { name: 'Demand and supply by Skill' })
    .getByRole('row', { name: /solve problems/ });
  await expectText(row, '21');

  // skillNeeds has no skill-group filter: the screen finds the group's skills and filters.
  const groups = await ok<{ demandMap: Array<{ label: string; labelFr: string | null; needs: number }> }>(
    'query { demandMap(groupBy: SKILL_GROUP, filter: { region: "YT" }) { label labelFr needs } }',
    {},
    employer.token,
  );
  expect(groups.demandMap.length).toBeGreaterThan(0);
  const group = groups.demandMap[0]!;
  // Skill and group cells carry ESCO's French label too, which the French app shows.
  expect(group.labelFr).toEqual(expect.any(String));
  const bySkillGroup = await drillIntoDemand(page, {
    groupBy: 'Skill group',
    region: 'YT',
    label: group.label,
  });
  expect(bySkillGroup.sort()).toEqual([...titles].sort());
});
