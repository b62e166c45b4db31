import type { ComponentProps } from 'preact';
import { useEffect } from 'preact/hooks';
import { InputField } from '@/components/InputField';
import { Select } from '@/components/Select';
import { downloadText } from '@/lib/export/files';
import type { ChannelKey } from '@/lib/intel/dashboard';
import { CHANNEL_LABELS, percent, tablesToCsv } from '@/lib/intel/tables';
import { ORIGIN_LABELS } from '@/lib/lead/labels';
import { CHANNELS, ORIGINS } from '@/lib/lead/schema';
import { BarChart, DataTable, RangeChart } from './charts';
import { dashboardDeps } from './dashboard-deps';
import {
  busy,
  elapsed,
  error,
  filters,
  prefs,
  progress,
  savePrefs,
  setCost,
  setFilter,
  setReplyWindow,
  startDashboard,
  tables,
  tags,
  withCosts,
} from './dashboard-model';

/** One of the dashboard's tables by id (each chart's text alternative). */
function Table(props: { id: string; empty?: string }) {
  const table = tables.value.find((t) => t.id === props.id);
  return table ? <DataTable table={table} empty={props.empty} /> : null;
}

function exportCsv(): void {
  const day = new Date().toISOString().slice(0, 10);
  downloadText(tablesToCsv(tables.value), 'csv', `prospector-dashboard-${day}.csv`);
}

/** The outbound-vs-inbound dashboard: filters, charts with their tables, costs, CSV export. */
export function Dashboard() {
  useEffect(() => startDashboard(dashboardDeps), []);
  const f = withCosts.value;
  return (
    <section aria-labelledby="dashboard-heading" class="insights-card">
      <h3 id="dashboard-heading">Outbound vs inbound</h3>
      <DashboardFilters />
      <p role="status" class="muted" aria-live="polite">
        {busy.value
          ? 'Computing…'
          : error.value
            ? `Could not compute the dashboard: ${error.value}`
            : f
              ? `${f.leads.total.toLocaleString()} leads (${f.leads.outbound.toLocaleString()} outbound, ${f.leads.inbound.toLocaleString()} inbound), computed in ${Math.round(elapsed.value)} ms.${f.skipped ? ` ${f.skipped} damaged records skipped.` : ''}`
              : ''}
      </p>

      {busy.value && progress.value && progress.value.total > 5000 && (
        <progress
          class="insights-progress"
          max={progress.value.total}
          value={progress.value.done}
          aria-label={`Reading leads: ${progress.value.done.toLocaleString()} of ${progress.value.total.toLocaleString()}`}
        />
      )}

      {f && f.leads.total === 0 && (
        <p class="insights-empty">
          No leads {filters.value.from || filters.value.to || filters.value.tag ? 'match these filters' : 'yet'}. The
          dashboard fills in as you capture leads and log touches.
        </p>
      )}
      {f && f.leads.total > 0 && <Figures />}
      <Costs />
    </section>
  );
}

/** A dashboard input: in the dashboard's row style, read once committed, as each change recomputes the figures. */
function DashInput(props: Omit<ComponentProps<typeof InputField>, 'rowClass' | 'onCommit'>) {
  return <InputField {...props} rowClass="insights-field" onCommit />;
}

/** The two ends of the capture-date filter. */
const CAPTURE_RANGE = [
  { end: 'from', label: 'Captured from' },
  { end: 'to', label: 'to' },
] as const;

function DashboardFilters() {
  return (
    <form class="insights-filters" onSubmit={(e) => e.preventDefault()} aria-label="Dashboard filters">
      {CAPTURE_RANGE.map(({ end, label }) => (
        <DashInput
          key={end}
          id={`dash-${end}`}
          label={label}
          type="date"
          value={filters.value[end]}
          onValue={(day) => setFilter({ [end]: day })}
        />
      ))}
      <div class="insights-field">
        <Select
          id="dash-tag"
          label="Tag"
          value={filters.value.tag}
          options={[{ value: '', label: 'All tags' }, ...tags.value.map((t) => ({ value: t, label: t }))]}
          onChange={(tag) => setFilter({ tag })}
        />
      </div>
      <DashInput
        id="dash-window"
        label="Reply window (days)"
        type="number"
        min={1}
        max={365}
        value={prefs.value.replyWindowDays}
        onValue={setReplyWindow}
      />
      <div class="insights-field actions">
        <button type="button" onClick={exportCsv} disabled={!withCosts.value}>
          Export tables as CSV
        </button>
      </div>
    </form>
  );
}

function Figures() {
  const f = withCosts.value;
  if (!f) return null;
  const shownChannels = f.channels.filter((c) => c.leads + c.touches > 0);
  return (
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
      <Table id="funnel" />

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
      <Table id="channels" />

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
      <Table id="timing" />

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
      <Table id="followups" empty="No follow-ups scheduled." />
    </>
  );
}

function Costs() {
  return (
    <>
      <h4>Cost per result</h4>
      <p class="muted">Optional: what each channel cost over the same period, per origin. Costs stay on this device.</p>
      <div class="costs-grid">
        <DashInput
          id="cost-currency"
          label="Currency"
          size={4}
          maxLength={8}
          value={prefs.value.currency}
          onValue={(currency) => savePrefs({ ...prefs.value, currency: currency.trim() })}
        />
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
                      value={prefs.value.costs[o][c] ?? ''}
                      onChange={(e) => setCost(o, c, (e.currentTarget as HTMLInputElement).value)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Table id="costs" empty="Enter a cost above to see cost per lead, reply, meeting and won." />
    </>
  );
}
