/** Step 6 exports: the overview workbook and a Gemeinde's corrected list with its change log. */
import { isKoordination, Actor } from '../domain/actor';
import { DomainError } from '../domain/errors';
import { assertMayAccessList } from '../domain/list';
import type { AppContext } from './context';
import { requireCampaign } from './context';
import { OverviewService } from './overviewService';
import type { RiskService } from './riskService';

export class ExportService {
  constructor(
    private readonly ctx: AppContext,
    private readonly overviews: OverviewService,
    private readonly risk: RiskService,
  ) {}

  /**
   * Writes the overview workbook with the official figures – once published, the published ones, as
   * every Gemeinde was told them, with a note when the lists changed since; returns the report it was
   * written from.
   */
  async overview(year: number, out: string, actor: Actor) {
    if (!isKoordination(actor)) throw new DomainError('auth.koordinationOnly');
    const { report, sincePublication } = await this.overviews.official(year);
    // Year over year (sheet „Entwicklung“): the years up to this one.
    const history = (await this.risk.history(actor)).map((g) => ({ ...g, years: g.years.filter((y) => y.year <= year) }));
    await this.ctx.workbooks.overview(report, out, sincePublication, history);
    return report;
  }

  async list(year: number, ags: string, out: string, actor: Actor) {
    assertMayAccessList(actor, ags);
    const record = await requireCampaign(this.ctx, year);
    const list = await this.ctx.repo.readList(year, ags);
    if (!list) throw new DomainError('list.notFound', { ags, year });
    const gemeinde = this.ctx.verzeichnis.byKey(ags)!;
    const history = await this.ctx.repo.readListHistory(year, ags);
    await this.ctx.workbooks.list({ campaign: record.campaign, gemeinde: { ags, name: gemeinde.name }, list, history, generatedAt: this.ctx.clock.now() }, out);
    return list;
  }
}
