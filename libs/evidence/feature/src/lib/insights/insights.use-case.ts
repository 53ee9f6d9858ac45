// insights(scope, filter, groupBy): the figures the report had to collect by hand, live. Scope:
// operators see everything; an umbrella its members'; an institution the credentials it issues; an
// employer those it partnered on, endorsed, or hired holders of. Every figure that counts learners
// passes through small-cell suppression (k), with complementary suppression against the totals
// shown, and against differencing: a cell whose value differs from the same query without one of
// its filters by fewer than k people is suppressed too (the difference would single them out).
import { Inject, Injectable } from '@nestjs/common';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import {
  EvidenceRepository,
  type GroupRow,
  type InsightsFilterSql,
  type InsightsGroup,
  InsightsQueries,
  type InsightsScopeSql,
  OVERLAPPING_GROUPS,
} from '@lattice/evidence-data-access';
import { EQUITY_GROUPS, type EquityGroup, EvidenceErrors, suppressColumns } from '@lattice/evidence-domain';
import { EVIDENCE_OPTIONS, type EvidenceOptions, LearnerKeys } from '../shared/evidence.options';

export interface InsightsRowView {
  readonly key: string;
  readonly label: string;
  /** One per column; null when suppressed (or not applicable). */
  readonly values: ReadonlyArray<number | null>;
  readonly suppressed: readonly boolean[];
}

export interface InsightsTableView {
  readonly name: string;
  /** True when the table counts learners: its small cells are suppressed. */
  readonly learnerDerived: boolean;
  readonly columns: readonly string[];
  readonly rows: readonly InsightsRowView[];
  /** The column totals (counts) or overall figures; absent when rows overlap. */
  readonly total: InsightsRowView | null;
}

export interface InsightsRequest {
  readonly organizationId?: string | null;
  readonly filter?: InsightsFilterSql;
  readonly groupBy: InsightsGroup;
}

const FILTER_KEYS = [
  'credentialId',
  'issuerId',
  'region',
  'sector',
  'careerStage',
  'deliveryMode',
  'hoursBand',
  'assessmentMethod',
  'year',
] as const;
const SCALE_KEYS = ['relevance', 'workload', 'authenticity', 'recommend'] as const;
const CHANGE_KEYS = ['new_job', 'promotion', 'raise', 'new_duties', 'none_yet'] as const;

/** A learner-derived table's shape: additive count columns, and figures computed from one count column's people. */
interface LearnerColumns<R> {
  readonly counts: ReadonlyArray<{ key: string; of: (row: R) => number }>;
  readonly figures: ReadonlyArray<{
    key: string;
    base: string;
    of: (row: R) => number | null;
    total?: (rows: readonly R[]) => number | null;
  }>;
}

@Injectable()
export class InsightsUseCase {
  constructor(
    private readonly queries: InsightsQueries,
    private readonly repository: EvidenceRepository,
    private readonly authorizer: Authorizer,
    @Inject(LearnerKeys) private readonly keys: LearnerKeys,
    @Inject(EVIDENCE_OPTIONS) private readonly options: EvidenceOptions,
  ) {}

  get k(): number {
    return this.options.k;
  }

  /** What the caller may see, or SCOPE_FORBIDDEN. */
  async scope(principal: Principal, organizationId?: string | null): Promise<InsightsScopeSql> {
    const refuse = () =>
      EvidenceErrors.of(
        'SCOPE_FORBIDDEN',
        'You may see insights for organizations you belong to (operators: everything).',
        { organizationId: organizationId ?? null },
      );
    if (!organizationId) {
      await this.authorizer.requireOperator(principal).catch(() => {
        throw refuse();
      });
      return { kind: 'ALL' };
    }
    const membership = await this.authorizer.requireRole(principal, organizationId, 'MEMBER').catch(() => {
      throw refuse();
    });
    switch (membership.kind) {
      case 'OPERATOR':
        await this.authorizer.requireOperator(principal).catch(() => {
          throw refuse();
        });
        return { kind: 'ALL' };
      case 'INSTITUTION':
        return { kind: 'ORGANIZATIONS', issuers: [organizationId], tied: [], organizationId };
      case 'EMPLOYER':
        return { kind: 'ORGANIZATIONS', issuers: [], tied: [organizationId], organizationId };
      case 'UMBRELLA': {
        const members = await this.repository.umbrellaMembers(organizationId);
        return { kind: 'ORGANIZATIONS', issuers: members, tied: members, organizationId };
      }
      case 'COMMUNITY':
        throw refuse();
    }
  }

  private validate(request: InsightsRequest): InsightsFilterSql {
    const filter = request.filter ?? {};
    if (filter.year != null && (!Number.isInteger(filter.year) || filter.year < 2000 || filter.year > 2100)) {
      throw EvidenceErrors.of('INVALID_INSIGHTS_QUERY', 'year is a calendar year from 2000 to 2100.', {
        field: 'year',
      });
    }
    for (const key of FILTER_KEYS) {
      const value = filter[key];
      if (typeof value === 'string' && value.length > 200)
        throw EvidenceErrors.of('INVALID_INSIGHTS_QUERY', `${key} is too long.`, { field: key });
    }
    return filter;
  }

  private activeFilters(filter: InsightsFilterSql): Array<(typeof FILTER_KEYS)[number]> {
    return FILTER_KEYS.filter(
      (key) => filter[key] !== undefined && filter[key] !== null && filter[key] !== '',
    );
  }

  // ---------- tables without learners ----------

  async credentials(principal: Principal, request: InsightsRequest): Promise<InsightsTableView> {
    const [scope, filter] = [await this.scope(principal, request.organizationId), this.validate(request)];
    const rows = await this.queries.credentials(scope, filter, request.groupBy);
    const share = (part: number, whole: number) => (whole ? part / whole : null);
    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
    const all = sum((r) => r.credentials);
    const view = (
      key: string,
      label: string,
      n: number,
      credit: number,
      transcriptable: number,
      endorsed: number,
      hours: number | null,
    ): InsightsRowView => ({
      key,
      label,
      values: [n, share(credit, n), share(transcriptable, n), share(endorsed, n), hours],
      suppressed: [false, false, false, false, false],
    });
    return {
      name: 'credentials',
      learnerDerived: false,
      columns: ['credentials', 'creditShare', 'transcriptableShare', 'endorsedShare', 'meanHours'],
      rows: rows.map((r) =>
        view(r.g, r.label, r.credentials, r.credit, r.transcriptable, r.endorsed, r.mean_hours),
      ),
      total: OVERLAPPING_GROUPS.has(request.groupBy)
        ? null
        : view(
            'total',
            'total',
            all,
            sum((r) => r.credit),
            sum((r) => r.transcriptable),
            sum((r) => r.endorsed),
            all ? sum((r) => (r.mean_hours ?? 0) * r.credentials) / all : null,
          ),
    };
  }

  async assessmentMix(principal: Principal, request: InsightsRequest): Promise<InsightsTableView> {
    const [scope, filter] = [await this.scope(principal, request.organizationId), this.validate(request)];
    const rows = await this.queries.assessmentMix(scope, filter);
    return {
      name: 'assessmentMix',
      learnerDerived: false,
      columns: ['credentials', 'share'],
      rows: rows.map((r) => ({
        key: r.g,
        label: r.label,
        values: [r.credentials, r.total ? r.credentials / r.total : null],
        suppressed: [false, false],
      })),
      total: null,
    };
  }

  async stageTimes(principal: Principal, request: InsightsRequest): Promise<InsightsTableView> {
    const [scope, filter] = [await this.scope(principal, request.organizationId), this.validate(request)];
    const rows = await this.queries.stageTimes(scope, filter);
    return {
      name: 'stageTimes',
      learnerDerived: false,
      columns: ['credentials', 'medianDays', 'p90Days'],
      rows: rows.map((r) => ({
        key: r.g,
        label: r.label,
        values: [r.credentials, r.median_days, r.p90_days],
        suppressed: [false, false, false],
      })),
      total: null,
    };
  }

  async partnerships(principal: Principal, request: InsightsRequest): Promise<InsightsTableView> {
    const scope = await this.scope(principal, request.organizationId);
    const rows = await this.queries.partnerships(scope, request.groupBy === 'REGION');
    const all = rows.reduce((s, r) => s + r.partnerships, 0);
    const small = rows.reduce((s, r) => s + r.small, 0);
    return {
      name: 'partnerships',
      learnerDerived: false,
      columns: ['partnerships', 'wonBySmallInstitutions', 'smallShare'],
      rows: rows.map((r) => ({
        key: r.g,
        label: r.label,
        values: [r.partnerships, r.small, r.partnerships ? r.small / r.partnerships : null],
        suppressed: [false, false, false],
      })),
      total: {
        key: 'total',
        label: 'total',
        values: [all, small, all ? small / all : null],
        suppressed: [false, false, false],
      },
    };
  }

  // ---------- tables that count learners ----------

  async awards(principal: Principal, request: InsightsRequest): Promise<InsightsTableView> {
    return this.learnerTable(
      principal,
      request,
      'awards',
      (scope, filter) => this.queries.awards(scope, filter, request.groupBy),
      {
        counts: [
          { key: 'issued', of: (r) => r.issued },
          { key: 'revoked', of: (r) => r.revoked },
        ],
        figures: [],
      },
    );
  }

  async feedback(principal: Principal, request: InsightsRequest): Promise<InsightsTableView> {
    type Row = Awaited<ReturnType<InsightsQueries['feedback']>>[number];
    const weighted = (key: string) => (rows: readonly Row[]) => {
      const n = rows.reduce((s, r) => s + (r.scores[key] !== undefined ? r.respondents : 0), 0);
      return n ? rows.reduce((s, r) => s + (r.scores[key] ?? 0) * r.respondents, 0) / n : null;
    };
    return this.learnerTable(
      principal,
      request,
      'feedback',
      (scope, filter) => this.queries.feedback(scope, filter, request.groupBy),
      {
        counts: [
          { key: 'respondents', of: (r) => r.respondents },
          ...CHANGE_KEYS.map((key) => ({ key, of: (r: Row) => r.changes[key] ?? 0 })),
        ],
        figures: SCALE_KEYS.map((key) => ({
          key,
          base: 'respondents',
          of: (r: Row) => r.scores[key] ?? null,
          total: weighted(key),
        })),
      },
    );
  }

  async outcomes(principal: Principal, request: InsightsRequest): Promise<InsightsTableView> {
    type Row = Awaited<ReturnType<InsightsQueries['outcomes']>>[number];
    return this.learnerTable(
      principal,
      request,
      'outcomes',
      (scope, filter) => this.queries.outcomes(scope, filter, request.groupBy),
      {
        counts: [
          { key: 'holders', of: (r: Row) => r.holders },
          { key: 'hired', of: (r: Row) => r.hired },
          { key: 'promoted', of: (r: Row) => r.promoted },
          { key: 'retained', of: (r: Row) => r.retained },
        ],
        figures: [
          {
            key: 'reports',
            base: 'holders',
            of: (r: Row) => r.reports,
            total: (rows) => rows.reduce((s, r) => s + r.reports, 0),
          },
          {
            key: 'meanJobPerformance',
            base: 'holders',
            of: (r: Row) => r.mean_rating,
            total: (rows) => mean(rows.map((r) => [r.mean_rating, r.reports])),
          },
          {
            key: 'assessmentReflectedShare',
            base: 'holders',
            of: (r: Row) => (r.reports ? r.reflected / r.reports : null),
            total: (rows) =>
              ratio(
                rows,
                (r) => r.reflected,
                (r) => r.reports,
              ),
          },
        ],
      },
    );
  }

  /** Holders per group and, among them, how many self-identified in each equity group (counts only: from the rollup, or sealed rows opened, counted, dropped). */
  async equityReach(principal: Principal, request: InsightsRequest): Promise<InsightsTableView> {
    type Row = GroupRow & { holders: number; selfIdentified: number } & Record<EquityGroup, number>;
    const load = async (scope: InsightsScopeSql, filter: InsightsFilterSql): Promise<Row[]> => {
      const rows = await this.queries.equityReach(scope, filter, request.groupBy, this.keys.equityBits);
      return rows.map((r) => ({
        g: r.g,
        label: r.label,
        holders: r.holders,
        selfIdentified: r.self_identified,
        ...(Object.fromEntries(EQUITY_GROUPS.map((g, i) => [g, r.groups[i] ?? 0])) as Record<
          EquityGroup,
          number
        >),
      }));
    };
    return this.learnerTable(principal, request, 'equityReach', load, {
      counts: [
        { key: 'holders', of: (r: Row) => r.holders },
        { key: 'selfIdentified', of: (r: Row) => r.selfIdentified },
        ...EQUITY_GROUPS.map((g) => ({ key: g, of: (r: Row) => r[g] })),
      ],
      figures: [],
    });
  }

  /** Free-text comments on one credential: only once at least k learners answered, never with who or when. */
  async comments(
    principal: Principal,
    organizationId: string | null | undefined,
    credentialId: string,
  ): Promise<{ respondents: number | null; comments: string[] }> {
    const scope = await this.scope(principal, organizationId);
    const [row] = await this.queries.comments(scope, credentialId);
    if (!row || row.respondents < this.k) return { respondents: null, comments: [] };
    return { respondents: row.respondents, comments: row.comments };
  }

  /**
   * Runs a learner-derived query, then its relaxations (the same query without each filter), and
   * suppresses: small cells, cells a relaxation would give away by difference, and complements.
   */
  private async learnerTable<R extends GroupRow>(
    principal: Principal,
    request: InsightsRequest,
    name: string,
    load: (scope: InsightsScopeSql, filter: InsightsFilterSql) => Promise<R[]>,
    shape: LearnerColumns<R>,
  ): Promise<InsightsTableView> {
    const scope = await this.scope(principal, request.organizationId);
    const filter = this.validate(request);
    const k = this.k;
    const rows = await load(scope, filter);
    const additive = !OVERLAPPING_GROUPS.has(request.groupBy);
    const counts = rows.map((r) => shape.counts.map((c) => c.of(r)));
    const totals = shape.counts.map((_, c) => counts.reduce((s, row) => s + row[c]!, 0));
    // Differencing: each filter dropped in turn; a cell (or total) that grows by 1..k-1 people is hidden.
    const preset = counts.map((row) => row.map(() => false));
    const presetTotals = totals.map(() => false);
    const reveals = (wider: number, narrow: number) => wider - narrow > 0 && wider - narrow < k;
    for (const key of this.activeFilters(filter)) {
      const relaxed = await load(scope, { ...filter, [key]: null });
      const byGroup = new Map(relaxed.map((r) => [r.g, shape.counts.map((c) => c.of(r))]));
      rows.forEach((r, i) => {
        const wider = byGroup.get(r.g);
        if (wider) shape.counts.forEach((_, c) => (preset[i]![c] ||= reveals(wider[c]!, counts[i]![c]!)));
      });
      const widerTotals = shape.counts.map((_, c) => relaxed.reduce((s, r) => s + shape.counts[c]!.of(r), 0));
      shape.counts.forEach((_, c) => (presetTotals[c] ||= reveals(widerTotals[c]!, totals[c]!)));
    }
    // The first count is the row's people: when it is hidden, so is everything counted among them
    // (a visible zero would still say something about a small group). Repeat until nothing changes.
    let hidden = suppressColumns(counts, k, { preset, presetTotals, additive });
    for (let changed = true; changed;) {
      changed = false;
      hidden.cells.forEach((row, i) => {
        if (row[0] && row.some((h, c) => !h && !preset[i]![c])) {
          preset[i] = row.map(() => true);
          changed = true;
        }
      });
      if (hidden.totals[0] && hidden.totals.some((h, c) => !h && !presetTotals[c])) {
        presetTotals.fill(true);
        changed = true;
      }
      if (changed) hidden = suppressColumns(counts, k, { preset, presetTotals, additive });
    }
    const baseIndex = (key: string) => shape.counts.findIndex((c) => c.key === key);
    const rowView = (
      key: string,
      label: string,
      countValues: number[],
      countHidden: boolean[],
      figureValues: Array<number | null>,
    ): InsightsRowView => {
      const figureHidden = shape.figures.map((f) => countHidden[baseIndex(f.base)]!);
      return {
        key,
        label,
        values: [
          ...countValues.map((v, c) => (countHidden[c] ? null : v)),
          ...figureValues.map((v, f) => (figureHidden[f] ? null : v)),
        ],
        suppressed: [...countHidden, ...figureHidden],
      };
    };
    return {
      name,
      learnerDerived: true,
      columns: [...shape.counts.map((c) => c.key), ...shape.figures.map((f) => f.key)],
      rows: rows.map((r, i) =>
        rowView(
          r.g,
          r.label,
          counts[i]!,
          hidden.cells[i]!,
          shape.figures.map((f) => f.of(r)),
        ),
      ),
      total: additive
        ? rowView(
            'total',
            'total',
            totals,
            hidden.totals,
            shape.figures.map((f) => (f.total ? f.total(rows) : null)),
          )
        : null,
    };
  }
}

function mean(pairs: Array<[number | null, number]>): number | null {
  const n = pairs.reduce((s, [v, w]) => s + (v === null ? 0 : w), 0);
  return n ? pairs.reduce((s, [v, w]) => s + (v ?? 0) * w, 0) / n : null;
}

function ratio<R>(rows: readonly R[], part: (r: R) => number, whole: (r: R) => number): number | null {
  const w = rows.reduce((s, r) => s + whole(r), 0);
  return w ? rows.reduce((s, r) => s + part(r), 0) / w : null;
}

/** A table as CSV: a header of column keys, one line per row and the total; a suppressed cell reads `suppressed`. */
export function tableCsv(table: InsightsTableView): string {
  const cell = (value: string) =>
    /[",\n\r]/.test(value) || /^[=+\-@]/.test(value)
      ? `"${value.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"`
      : value;
  const line = (row: InsightsRowView) =>
    [
      row.key,
      row.label,
      ...row.values.map((v, i) =>
        row.suppressed[i] ? 'suppressed' : v === null ? '' : String(Math.round(v * 1000) / 1000),
      ),
    ]
      .map(cell)
      .join(',');
  return (
    [
      ['key', 'label', ...table.columns].join(','),
      ...table.rows.map(line),
      ...(table.total ? [line(table.total)] : []),
    ].join('\n') + '\n'
  );
}
