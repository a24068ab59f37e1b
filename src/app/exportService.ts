/** Step 6 exports: the overview workbook and a Gemeinde's corrected list with its change log. */
import { isKoordination, Actor } from '../domain/actor';
import { DomainError } from '../domain/errors';
import { assertMayAccessList } from '../domain/list';
import type { AppContext } from './context';
import { requireCampaign } from './context';
import { OverviewService } from './overviewService';

export class ExportService {
  constructor(
    private readonly ctx: AppContext,
    private readonly overviews: OverviewService,
  ) {}

  /** Writes the overview workbook; returns the report it was written from. */
  async overview(year: number, out: string, actor: Actor) {
    if (!isKoordination(actor)) throw new DomainError('auth.koordinationOnly');
    const report = await this.overviews.overview(year);
    await this.ctx.workbooks.overview(report, out);
    return report;
  }

  async list(year: number, ags: string, out: string, actor: Actor) {
    assertMayAccessList(actor, ags);
    const record = await requireCampaign(this.ctx, year);
    const list = await this.ctx.repo.readList(year, ags);
    if (!list) throw new DomainError('list.notFound', { ags, year });
    const gemeinde = this.ctx.verzeichnis.byKey(ags)!;
    await this.ctx.workbooks.list({ campaign: record.campaign, gemeinde: { ags, name: gemeinde.name }, list, generatedAt: this.ctx.clock.now() }, out);
    return list;
  }
}
