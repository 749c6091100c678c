import type { Endpoint, PayloadRequest } from 'payload'
import { asLocale } from '../lib/messages'
import { localize } from '../messages'
import { dashboardOf, mayWatch, type DashboardQuery } from './dashboard'
import { activeVillagesPdf, activeVillagesTable, activeVillagesXlsx } from './export'

/** The dashboard's question from the address: `?kecamatan=…&village=…&sort=-lastStaffSignIn&help=1` (villages needing help). */
export const dashboardQuery = (params: URLSearchParams | Record<string, unknown>): DashboardQuery => {
  const get = (name: string) => {
    const value = params instanceof URLSearchParams ? params.get(name) : params[name]
    return typeof value === 'string' && value ? value : null
  }
  const village = Number(get('village'))
  return {
    kecamatan: get('kecamatan'),
    village: Number.isSafeInteger(village) && village > 0 ? village : null,
    sort: get('sort'),
    needsHelp: get('help') === '1',
  }
}

const query = (req: PayloadRequest) => dashboardQuery(new URL(req.url ?? '', 'http://localhost').searchParams)
const forbidden = (req: PayloadRequest) => Response.json({ message: localize(req, { code: 'regency.forbidden' }) }, { status: 403 })
const PRIVATE = { 'Cache-Control': 'private, no-store' }

/** The regency's dashboard as data, for whoever may open it (`mayWatch`), scoped as their reads are. */
const dashboardEndpoint: Endpoint = {
  path: '/regency/dashboard',
  method: 'get',
  handler: async (req) => {
    if (!mayWatch(req.user)) return forbidden(req)
    return Response.json(await dashboardOf(req, query(req)), { headers: PRIVATE })
  },
}

const FORMATS = {
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', render: activeVillagesXlsx },
  pdf: { type: 'application/pdf', render: activeVillagesPdf },
} as const

/** The active villages' table as the dashboard shows it (its kecamatan, its sort), as an XLSX workbook or a PDF. */
const exportEndpoint: Endpoint = {
  path: '/regency/active-villages/:format',
  method: 'get',
  handler: async (req) => {
    if (!mayWatch(req.user)) return forbidden(req)
    const format = Object.entries(FORMATS).find(([name]) => name === req.routeParams?.format)
    if (!format) return Response.json({ message: 'Not found' }, { status: 404 })
    const [extension, { type, render }] = format
    const dashboard = await dashboardOf(req, { ...query(req), village: null })
    const file = await render(activeVillagesTable(dashboard, asLocale(req.i18n?.language)))
    const scope = dashboard.kecamatan ? `-${dashboard.kecamatan.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : ''
    const name = `${dashboard.needsHelp ? 'desa-perlu-bantuan' : 'desa-aktif'}${scope}.${extension}`
    return new Response(new Uint8Array(file), {
      headers: { ...PRIVATE, 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"` },
    })
  },
}

export const regencyEndpoints = [dashboardEndpoint, exportEndpoint]
