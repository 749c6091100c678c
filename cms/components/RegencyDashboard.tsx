import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import type { CSSProperties } from 'react'
import { asLocale, type Locale } from '../lib/messages'
import { formatWitaDateTime } from '../lib/wita'
import { translate, type CmsMessage } from '../messages'
import { dashboardOf, mayWatch, MONTHS_SHOWN, sortParam, VILLAGE_COLUMNS, type Dashboard, type VillageColumn } from '../regency/dashboard'
import { dashboardQuery } from '../regency/endpoints'
import { countedAt, indicatorText, scopeName } from '../regency/export'
import { INDICATORS, type Indicator } from '../regency/indicators'
import { BarChart, MonthChart } from './RegencyCharts'

const RECEIVED = 'var(--theme-elevation-600, #555)'
const DONE = 'var(--theme-success-500, #2e7d32)'
const cell: CSSProperties = { padding: '0.35rem 0.6rem', textAlign: 'left', whiteSpace: 'nowrap' }
const number: CSSProperties = { ...cell, textAlign: 'right' }

const NUMERIC = new Set<VillageColumn>(['lettersSigned', 'newsPublished', 'requestsReceived', 'requestsOverdue', 'medianDaysToDone'])
const INDICATOR_COLUMNS = new Set<VillageColumn>(INDICATORS)
// The mark and the words say yes or no; the colour only repeats it.
const FAILED: CSSProperties = { ...cell, color: 'var(--theme-error-600, #b3261e)' }

/** The dashboard's address with these parameters (empty ones left out). */
const href = (params: Record<string, string | number | null | undefined>) => {
  const search = new URLSearchParams(
    Object.entries(params)
      .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined && entry[1] !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString()
  return `/admin/regency${search ? `?${search}` : ''}`
}

const monthLabel = (month: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  )

const Table = ({ caption, children }: { caption: string; children: React.ReactNode }) => (
  <div className="table" style={{ overflowX: 'auto', marginBottom: '2rem' }}>
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <caption style={{ textAlign: 'left', fontWeight: 600, fontSize: '1.1rem', padding: '0.5rem 0' }}>{caption}</caption>
      {children}
    </table>
  </div>
)

/** The active villages' table: each column header sorts by it (again: the other way), each village drills down. */
const VillagesTable = ({ dashboard, t, locale }: { dashboard: Dashboard; t: (m: CmsMessage) => string; locale: Locale }) => {
  const { sort, kecamatan } = dashboard
  const help = dashboard.needsHelp ? 1 : null
  const header = (column: VillageColumn) => {
    const current = sort.column === column
    const next = sortParam({ column, descending: current ? !sort.descending : NUMERIC.has(column) || column === 'lastStaffSignIn' })
    const name = t({ code: `regency.column.${column}` })
    return (
      <th
        key={column}
        scope="col"
        style={NUMERIC.has(column) ? number : cell}
        aria-sort={current ? (sort.descending ? 'descending' : 'ascending') : undefined}
      >
        <a href={href({ kecamatan, sort: next, help })} title={t({ code: 'regency.sortBy', params: { column: name } })}>
          {name}
          {current ? (sort.descending ? ' ↓' : ' ↑') : ''}
        </a>
      </th>
    )
  }
  const value = (row: Dashboard['villages'][number], column: VillageColumn) => {
    const v = row[column]
    if (column === 'villageName') return <a href={href({ village: row.village })}>{String(v)}</a>
    if (column === 'kecamatan') return v ? <a href={href({ kecamatan: String(v) })}>{String(v)}</a> : '–'
    if (column === 'active') return t({ code: v ? 'regency.yes' : 'regency.no' })
    if (column === 'lastStaffSignIn') return typeof v === 'string' ? formatWitaDateTime(v, locale) : t({ code: 'regency.never' })
    if (INDICATOR_COLUMNS.has(column)) return indicatorText(row, column as Indicator, locale)
    return v === null || v === undefined ? '–' : String(v)
  }
  return (
    <Table
      caption={`${t({ code: dashboard.needsHelp ? 'regency.needsHelp.title' : 'regency.villages.title' })} · ${scopeName(dashboard, locale)} (${dashboard.villages.length})`}
    >
      <thead>
        <tr>{VILLAGE_COLUMNS.map(header)}</tr>
      </thead>
      <tbody>
        {dashboard.villages.map((row) => (
          <tr key={row.village} data-village={row.village}>
            {VILLAGE_COLUMNS.map((column) => (
              <td
                key={column}
                style={NUMERIC.has(column) ? number : INDICATOR_COLUMNS.has(column) && !row[column as Indicator] ? FAILED : cell}
              >
                {value(row, column)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

/**
 * The regency's dashboard (/admin/regency), for the regency's administrator and viewers and a district viewer, in the
 * account's language: the regency, a kecamatan or one village, read from the counted figures only
 * (cms/regency/dashboard.ts, the same reads as its API, /api/regency/dashboard). Plain links and a form, no script.
 */
export const RegencyDashboard = async ({ initPageResult, params, searchParams }: AdminViewServerProps) => {
  const { req, permissions, visibleEntities, locale: contentLocale } = initPageResult
  const locale = asLocale(req.i18n.language)
  const t = (message: CmsMessage) => translate(locale, message)
  const template = (children: React.ReactNode) => (
    <DefaultTemplate
      i18n={req.i18n}
      locale={contentLocale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1 style={{ margin: '1.5rem 0 1rem' }}>{t({ code: 'regency.title' })}</h1>
        {children}
      </Gutter>
    </DefaultTemplate>
  )
  if (!mayWatch(req.user)) return template(<p role="alert">{t({ code: 'regency.forbidden' })}</p>)

  const dashboard = await dashboardOf(req, dashboardQuery(searchParams ?? {}))
  const { kecamatan, village } = dashboard
  const scope = village ? village.villageName! : scopeName(dashboard, locale)
  const at = countedAt(dashboard)
  const months = dashboard.months.map((m) => ({ label: monthLabel(m.month, locale), values: [m.requestsReceived, m.requestsDone] }))
  const medians = dashboard.villages
    .filter((row) => typeof row.medianDaysToDone === 'number')
    .map((row) => ({
      label: row.villageName ?? '',
      value: row.medianDaysToDone!,
      shown: t({ code: 'regency.chart.days', params: { days: row.medianDaysToDone! } }),
    }))
  const isDistrictViewer = req.user.role === 'district-viewer'
  const exportHref = (format: 'xlsx' | 'pdf') =>
    `/api/regency/active-villages/${format}${href({ kecamatan, sort: sortParam(dashboard.sort), help: dashboard.needsHelp ? 1 : null }).replace('/admin/regency', '')}`

  return template(
    <>
      <nav aria-label={t({ code: 'regency.title' })} style={{ marginBottom: '1rem' }}>
        {isDistrictViewer ? null : <a href={href({})}>{t({ code: 'regency.scope.regency' })}</a>}
        {kecamatan ? (
          <>
            {isDistrictViewer ? null : ' › '}
            <a href={href({ kecamatan })} aria-current={village ? undefined : 'page'}>
              {t({ code: 'regency.scope.kecamatan', params: { kecamatan } })}
            </a>
          </>
        ) : null}
        {village ? (
          <>
            {' › '}
            <span aria-current="page">{village.villageName}</span>
          </>
        ) : null}
      </nav>
      <p>{t({ code: 'regency.counted', params: { at: at ? formatWitaDateTime(at, locale) : '–' } })}</p>
      <p>{t({ code: 'regency.needsHelp.desc' })}</p>

      {village ? null : (
        <form
          method="get"
          action="/admin/regency"
          style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'end', margin: '1rem 0' }}
        >
          <label style={{ display: 'grid', gap: '0.25rem' }}>
            {t({ code: 'regency.filter.kecamatan' })}
            <select name="kecamatan" defaultValue={kecamatan ?? ''} style={{ padding: '0.4rem', minWidth: '14rem' }}>
              {isDistrictViewer ? null : <option value="">{t({ code: 'regency.filter.all' })}</option>}
              {dashboard.kecamatanChoices.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label style={{ display: 'flex', gap: '0.4rem', alignItems: 'center', padding: '0.4rem 0' }}>
            <input type="checkbox" name="help" value="1" defaultChecked={dashboard.needsHelp} />
            {t({ code: 'regency.filter.needsHelp' })}
          </label>
          <input type="hidden" name="sort" value={sortParam(dashboard.sort)} />
          <button type="submit" className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }}>
            {t({ code: 'regency.filter.show' })}
          </button>
          <a href={exportHref('xlsx')} download>
            {t({ code: 'regency.export.xlsx' })}
          </a>
          <a href={exportHref('pdf')} download>
            {t({ code: 'regency.export.pdf' })}
          </a>
        </form>
      )}

      {!kecamatan && !village && dashboard.districts.length > 1 ? (
        <Table caption={t({ code: 'regency.districts.title' })}>
          <thead>
            <tr>
              {(
                [
                  'kecamatan',
                  'villages',
                  'activeVillages',
                  'needsHelp',
                  'requestsReceived',
                  'requestsOverdue',
                  'medianDaysToDone',
                  'lettersSigned',
                ] as const
              ).map((c) => (
                <th key={c} scope="col" style={c === 'kecamatan' ? cell : number}>
                  {t({ code: `regency.column.${c}` })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dashboard.districts.map((d) => (
              <tr key={d.kecamatan}>
                <th scope="row" style={cell}>
                  {d.kecamatan ? <a href={href({ kecamatan: d.kecamatan, sort: sortParam(dashboard.sort) })}>{d.kecamatan}</a> : '–'}
                </th>
                {[d.villages, d.active].map((v, i) => (
                  <td key={i} style={number}>
                    {v}
                  </td>
                ))}
                <td style={number}>
                  <a href={href({ kecamatan: d.kecamatan || null, help: 1 })}>{d.needsHelp}</a>
                </td>
                {[d.requestsReceived, d.requestsOverdue, d.medianDaysToDone ?? '–', d.lettersSigned].map((v, i) => (
                  <td key={i} style={number}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}

      {dashboard.villages.length ? (
        <VillagesTable dashboard={dashboard} t={t} locale={locale} />
      ) : (
        <p>{t({ code: dashboard.needsHelp ? 'regency.needsHelp.empty' : 'regency.villages.empty' })}</p>
      )}

      <MonthChart
        id="regency-months"
        title={`${t({ code: 'regency.months.title' })} · ${scope}`}
        desc={t({
          code: 'regency.months.desc',
          params: { scope, from: months[0]?.label ?? '', to: months.at(-1)?.label ?? '' },
        })}
        tableCaption={t({ code: 'regency.chart.table' })}
        monthHeader={t({ code: 'regency.column.month' })}
        series={[
          { name: t({ code: 'regency.column.requestsReceived' }), color: RECEIVED },
          { name: t({ code: 'regency.column.requestsDone' }), color: DONE },
        ]}
        months={months}
      />

      {village ? null : medians.length ? (
        <BarChart
          id="regency-median"
          title={`${t({ code: 'regency.median.title' })} · ${scope}`}
          desc={t({ code: 'regency.median.desc', params: { scope } })}
          tableCaption={t({ code: 'regency.chart.table' })}
          nameHeader={t({ code: 'regency.column.villageName' })}
          valueHeader={t({ code: 'regency.column.medianDaysToDone' })}
          color={DONE}
          bars={medians.sort((a, b) => b.value - a.value)}
        />
      ) : (
        <p>{t({ code: 'regency.median.empty' })}</p>
      )}

      <Table
        caption={
          village ? t({ code: 'regency.monthsByService.title' }) : t({ code: 'regency.services.title', params: { months: MONTHS_SHOWN } })
        }
      >
        <thead>
          <tr>
            {village ? (
              <th scope="col" style={cell}>
                {t({ code: 'regency.column.month' })}
              </th>
            ) : null}
            <th scope="col" style={cell}>
              {t({ code: 'regency.column.service' })}
            </th>
            {(['requestsReceived', 'requestsDone', 'lettersSigned'] as const).map((c) => (
              <th key={c} scope="col" style={number}>
                {t({ code: `regency.column.${c}` })}
              </th>
            ))}
            {village ? (
              <th scope="col" style={number}>
                {t({ code: 'regency.column.medianDaysToDone' })}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {village
            ? dashboard.monthsByService.map((row) => (
                <tr key={`${row.month} ${row.slug}`}>
                  <td style={cell}>{monthLabel(row.month, locale)}</td>
                  <td style={cell}>{row.title ?? t({ code: 'regency.serviceGone' })}</td>
                  <td style={number}>{row.requestsReceived}</td>
                  <td style={number}>{row.requestsDone}</td>
                  <td style={number}>{row.lettersSigned}</td>
                  <td style={number}>{row.medianDaysToDone ?? '–'}</td>
                </tr>
              ))
            : dashboard.services.map((row) => (
                <tr key={row.slug}>
                  <td style={cell}>{row.title ?? t({ code: 'regency.serviceGone' })}</td>
                  <td style={number}>{row.requestsReceived}</td>
                  <td style={number}>{row.requestsDone}</td>
                  <td style={number}>{row.lettersSigned}</td>
                </tr>
              ))}
        </tbody>
      </Table>
    </>,
  )
}
