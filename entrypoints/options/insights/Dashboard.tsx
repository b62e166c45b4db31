import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { store, subscribeLeads } from '@/components/store';
import { downloadText } from '@/lib/export/files';
import { type ChannelKey, costRows, type Dashboard as Figures } from '@/lib/intel/dashboard';
import { DEFAULT_INSIGHTS_PREFS, getInsightsPrefs, type InsightsPrefs, setInsightsPrefs } from '@/lib/intel/prefs';
import { loadDashboardFast } from '@/lib/intel/snapshot-store';
import { CHANNEL_LABELS, dashboardTables, percent, tablesToCsv } from '@/lib/intel/tables';
import { ORIGIN_LABELS } from '@/lib/lead/labels';
import { CHANNELS, type Channel, ORIGINS, type Origin } from '@/lib/lead/schema';
import { getSettings, watchSettings } from '@/lib/settings';
import { BarChart, DataTable, RangeChart } from './charts';

interface Filters {
  from: string;
  to: string;
  tag: string;
}

/** The outbound-vs-inbound dashboard: filters, charts with their tables, costs, CSV export. */
export function Dashboard() {
  const [filters, setFilters] = useState<Filters>({ from: '', to: '', tag: '' });
  const [prefs, setPrefs] = useState<InsightsPrefs>(DEFAULT_INSIGHTS_PREFS);
  const [prefsLoaded, setPrefsLoaded] = useState(false);
  const [figures, setFigures] = useState<(Figures & { skipped: number; fromSnapshot: boolean }) | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [busy, setBusy] = useState(true);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [version, setVersion] = useState(0);
  const run = useRef(0);

  useEffect(() => {
    void getInsightsPrefs().then((p) => {
      setPrefs(p);
      setPrefsLoaded(true);
    });
    void store.tags().then((list) => setTags([...list].sort((a, b) => a.localeCompare(b))));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = subscribeLeads(() => {
      // A burst of writes (an import) recomputes once.
      clearTimeout(timer);
      timer = setTimeout(() => setVersion((v) => v + 1), 500);
    });
    // Renamed or reordered stages change the funnel's rows.
    const offSettings = watchSettings(() => setVersion((v) => v + 1));
    return () => {
      clearTimeout(timer);
      off();
      offSettings();
    };
  }, []);

  const windowDays = prefs.replyWindowDays;
  useEffect(() => {
    if (!prefsLoaded) return;
    const id = ++run.current;
    setBusy(true);
    const started = performance.now();
    void (async () => {
      try {
        const settings = await getSettings();
        const result = await loadDashboardFast(
          {
            stages: settings.stages,
            now: Date.now(),
            from: filters.from || undefined,
            to: filters.to || undefined,
            tag: filters.tag || undefined,
            replyWindowDays: windowDays,
          },
          (done, total) => {
            if (id === run.current) setProgress({ done, total });
          },
        );
        if (id !== run.current) return;
        setFigures(result);
        setElapsed(performance.now() - started);
        setError('');
      } catch (err) {
        if (id === run.current) setError(err instanceof Error ? err.message : String(err));
      } finally {
        if (id === run.current) setBusy(false);
      }
    })();
  }, [filters, windowDays, version, prefsLoaded]);

  // Costs change only the cost table: no new pass over the store.
  const withCosts = useMemo(
    () => (figures ? { ...figures, costs: costRows(figures.channels, prefs.costs) } : null),
    [figures, prefs.costs],
  );
  const tables = useMemo(() => (withCosts ? dashboardTables(withCosts, prefs.currency) : []), [withCosts, prefs]);
  const table = (id: string) => tables.find((t) => t.id === id);

  const savePrefs = (next: InsightsPrefs) => {
    setPrefs(next);
    void setInsightsPrefs(next).catch((err: unknown) => setError(String(err)));
  };
  const setCost = (origin: Origin, channel: Channel, text: string) => {
    const value = text.trim() === '' ? undefined : Number(text);
    const byChannel = { ...prefs.costs[origin] };
    if (value === undefined || !Number.isFinite(value) || value < 0) delete byChannel[channel];
    else byChannel[channel] = value;
    savePrefs({ ...prefs, costs: { ...prefs.costs, [origin]: byChannel } });
  };

  const exportCsv = () => {
    const day = new Date().toISOString().slice(0, 10);
    downloadText(tablesToCsv(tables), 'csv', `prospector-dashboard-${day}.csv`);
  };

  const shownChannels = withCosts?.channels.filter((c) => c.leads + c.touches > 0) ?? [];
  const f = withCosts;

  return (
    <section aria-labelledby="dashboard-heading" class="insights-card">
      <h3 id="dashboard-heading">Outbound vs inbound</h3>
      <form class="insights-filters" onSubmit={(e) => e.preventDefault()} aria-label="Dashboard filters">
        <div class="insights-field">
          <label for="dash-from">Captured from</label>
          <input
            id="dash-from"
            type="date"
            value={filters.from}
            onChange={(e) => setFilters({ ...filters, from: (e.currentTarget as HTMLInputElement).value })}
          />
        </div>
        <div class="insights-field">
          <label for="dash-to">to</label>
          <input
            id="dash-to"
            type="date"
            value={filters.to}
            onChange={(e) => setFilters({ ...filters, to: (e.currentTarget as HTMLInputElement).value })}
          />
        </div>
        <div class="insights-field">
          <label for="dash-tag">Tag</label>
          <select
            id="dash-tag"
            value={filters.tag}
            onChange={(e) => setFilters({ ...filters, tag: (e.currentTarget as HTMLSelectElement).value })}
          >
            <option value="">All tags</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div class="insights-field">
          <label for="dash-window">Reply window (days)</label>
          <input
            id="dash-window"
            type="number"
            min={1}
            max={365}
            value={prefs.replyWindowDays}
            onChange={(e) => {
              const n = Math.round(Number((e.currentTarget as HTMLInputElement).value));
              if (n >= 1 && n <= 365) savePrefs({ ...prefs, replyWindowDays: n });
            }}
          />
        </div>
        <div class="insights-field actions">
          <button type="button" onClick={exportCsv} disabled={!f}>
            Export tables as CSV
          </button>
        </div>
      </form>

      <p role="status" class="muted" aria-live="polite">
        {busy
          ? 'Computing…'
          : error
            ? `Could not compute the dashboard: ${error}`
            : f
              ? `${f.leads.total.toLocaleString()} leads (${f.leads.outbound.toLocaleString()} outbound, ${f.leads.inbound.toLocaleString()} inbound), computed in ${Math.round(elapsed)} ms.${f.skipped ? ` ${f.skipped} damaged records skipped.` : ''}`
              : ''}
      </p>

      {busy && progress && progress.total > 5000 && (
        <progress
          class="insights-progress"
          max={progress.total}
          value={progress.done}
          aria-label={`Reading leads: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`}
        />
      )}

      {f && f.leads.total === 0 && (
        <p class="insights-empty">
          No leads {filters.from || filters.to || filters.tag ? 'match these filters' : 'yet'}. The dashboard fills in
          as you capture leads and log touches.
        </p>
      )}

      {f && f.leads.total > 0 && (
        <>
          <h4>Funnel by stage</h4>
          <p class="muted">
            A lead reached a stage when it is at that stage or a later one in your pipeline. Lost leads count up to the
            furthest stage their touches show (contacted, or replied when they answered) and are also counted apart.
            Conversion is the share of the previous stage's leads that reached this one.
          </p>
          <BarChart
            label="Funnel by stage, outbound and inbound leads that reached each stage"
            categories={f.funnel.map((r) => r.label)}
            series={ORIGINS.map((o) => ({
              name: ORIGIN_LABELS[o],
              className: `chart-${o}`,
              values: f.funnel.map((r) => r.reached[o]),
            }))}
          />
          {table('funnel') && <DataTable table={table('funnel') as NonNullable<ReturnType<typeof table>>} />}

          <h4>By channel</h4>
          <p class="muted">
            A lead counts for the channel of its first touch (else the channel it was saved with). A reply is an inbound
            touch within {f.replyWindowDays} days of the last outbound touch before it; that touch is credited once.
          </p>
          <BarChart
            label="Reply rate by channel, outbound and inbound leads"
            categories={shownChannels.map((c) => CHANNEL_LABELS[c.channel as ChannelKey])}
            series={ORIGINS.map((o) => ({
              name: ORIGIN_LABELS[o],
              className: `chart-${o}`,
              values: shownChannels.map((c) => c.byOrigin[o].replyRate),
            }))}
            max={1}
            format={(v) => percent(v)}
          />
          {table('channels') && <DataTable table={table('channels') as NonNullable<ReturnType<typeof table>>} />}

          <h4>Time to reply and to win</h4>
          <RangeChart
            label="Days from first touch to first reply and from capture to won, median and interquartile range, per origin"
            unit="d"
            rows={[
              { label: 'Reply, outbound', className: 'chart-outbound', ...f.timeToFirstReply.outbound },
              { label: 'Reply, inbound', className: 'chart-inbound', ...f.timeToFirstReply.inbound },
              { label: 'Won, outbound', className: 'chart-outbound', ...f.captureToWon.outbound },
              { label: 'Won, inbound', className: 'chart-inbound', ...f.captureToWon.inbound },
            ]}
          />
          {table('timing') && <DataTable table={table('timing') as NonNullable<ReturnType<typeof table>>} />}

          <h4>Follow-ups by week</h4>
          <p class="muted">
            {f.followUpTotals.overdue} overdue and {f.followUpTotals.due} due, for leads not won or lost (weeks start on
            Monday).
          </p>
          {f.followUps.length > 0 && (
            <BarChart
              label="Follow-ups overdue and due by week"
              categories={f.followUps.map((w) => w.week)}
              series={[
                { name: 'Overdue', className: 'chart-overdue', values: f.followUps.map((w) => w.overdue) },
                { name: 'Due', className: 'chart-due', values: f.followUps.map((w) => w.due) },
              ]}
            />
          )}
          {table('followups') && (
            <DataTable
              table={table('followups') as NonNullable<ReturnType<typeof table>>}
              empty="No follow-ups scheduled."
            />
          )}
        </>
      )}

      <h4>Cost per result</h4>
      <p class="muted">Optional: what each channel cost over the same period, per origin. Costs stay on this device.</p>
      <div class="costs-grid">
        <div class="insights-field">
          <label for="cost-currency">Currency</label>
          <input
            id="cost-currency"
            type="text"
            size={4}
            maxLength={8}
            value={prefs.currency}
            onChange={(e) => savePrefs({ ...prefs, currency: (e.currentTarget as HTMLInputElement).value.trim() })}
          />
        </div>
        <table class="data-table cost-inputs">
          <caption>Cost per channel</caption>
          <thead>
            <tr>
              <th scope="col">Channel</th>
              {ORIGINS.map((o) => (
                <th scope="col" key={o}>
                  {ORIGIN_LABELS[o]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CHANNELS.map((c) => (
              <tr key={c}>
                <th scope="row">{CHANNEL_LABELS[c]}</th>
                {ORIGINS.map((o) => (
                  <td key={o}>
                    <input
                      type="number"
                      min={0}
                      step="any"
                      inputMode="decimal"
                      aria-label={`${ORIGIN_LABELS[o]} cost of ${CHANNEL_LABELS[c]}`}
                      value={prefs.costs[o][c] ?? ''}
                      onChange={(e) => setCost(o, c, (e.currentTarget as HTMLInputElement).value)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table('costs') && (
        <DataTable
          table={table('costs') as NonNullable<ReturnType<typeof table>>}
          empty="Enter a cost above to see cost per lead, reply, meeting and won."
        />
      )}
    </section>
  );
}
