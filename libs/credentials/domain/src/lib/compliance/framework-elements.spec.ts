import { elementOutcomes, elementsOfRule } from './framework-elements';
import { parseFrameworkRules } from './framework-rules';
import { evaluateRules } from './rule-engine';

describe('framework elements of compliance rules', () => {
  it('reads the elements from the fields a rule checks, nested checks included, item fields not', () => {
    const [assessment, duration, none, competencies] = parseFrameworkRules([
      {
        id: 'a',
        label: 'A',
        kind: 'allOf',
        checks: [
          { kind: 'count', field: 'assessment.methods', min: 1 },
          { kind: 'present', field: 'assessment.evidenceRequirements' },
        ],
      },
      {
        id: 'd',
        label: 'D',
        kind: 'atLeastOf',
        min: 1,
        checks: [
          { kind: 'range', field: 'credits', min: 5 },
          { kind: 'range', field: 'weeks', below: 12 },
        ],
      },
      { id: 'n', label: 'N', kind: 'present', field: 'title' },
      {
        id: 'c',
        label: 'C',
        kind: 'every',
        field: 'competencies',
        check: { kind: 'matches', field: 'outcomes', pattern: 'x' },
      },
    ]);
    expect(elementsOfRule(assessment!)).toEqual(['assessment']);
    expect(elementsOfRule(duration!)).toEqual(['duration']);
    expect(elementsOfRule(none!)).toEqual([]);
    expect(elementsOfRule(competencies!)).toEqual(['competencies']);
  });

  it('fails an element when one of its FAIL rules fails; a warning does not fail it', () => {
    const rules = parseFrameworkRules([
      { id: 'hours', label: 'Hours', kind: 'range', field: 'hours', min: 10 },
      { id: 'qa', label: 'QA', kind: 'present', field: 'qualityAssurance' },
      {
        id: 'transcript',
        label: 'T',
        kind: 'equals',
        field: 'transcriptable',
        value: true,
        severity: 'WARNING',
      },
      { id: 'title', label: 'Title', kind: 'present', field: 'title' },
    ]);
    const result = evaluateRules(rules, {
      hours: 5,
      qualityAssurance: 'External review',
      transcriptable: false,
      title: '',
    });
    expect(elementOutcomes(rules, result)).toEqual([
      { element: 'duration', failed: true },
      { element: 'stackability', failed: false },
      { element: 'quality_assurance', failed: false },
    ]);
  });
});
