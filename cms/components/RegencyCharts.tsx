import type { ReactNode } from 'react'

/**
 * Charts drawn on the server as inline SVG (no chart library, nothing from another host), each with its title and
 * description for screen readers and the numbers as a table under it, so a DPMD officer can copy them into a report.
 */

type Series = { name: string; color: string }
type ChartFrame = { id: string; title: string; desc: string; tableCaption: string; table: ReactNode; children: ReactNode; height: number }

const WIDTH = 720
const INK = 'var(--theme-elevation-800, #333)'
const GRID = 'var(--theme-elevation-150, #ddd)'

const Frame = ({ id, title, desc, tableCaption, table, children, height }: ChartFrame) => (
  <figure style={{ margin: '0 0 2rem' }}>
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: `${WIDTH}px`, display: 'block' }}
      fontSize="11"
      fontFamily="inherit"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {children}
    </svg>
    <figcaption>
      <strong>{title}</strong>. {desc}
    </figcaption>
    <details>
      <summary>{tableCaption}</summary>
      {table}
    </details>
  </figure>
)

/** A step of the value axis that gives about four grid lines: 1, 2 or 5 times a power of ten, whole numbers (counts). */
const stepOf = (max: number) => {
  const rough = Math.max(max, 4) / 4
  const power = 10 ** Math.floor(Math.log10(rough))
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough)!
}

export type MonthBars = { label: string; values: number[] }

/** Bars per month, one per series (e.g. received and completed), with a value axis. */
export const MonthChart = (props: {
  id: string
  title: string
  desc: string
  tableCaption: string
  series: Series[]
  months: MonthBars[]
  monthHeader: string
}) => {
  const { series, months } = props
  const height = 260
  const [left, right, top, bottom] = [44, 8, 28, 36]
  const plotHeight = height - top - bottom
  const max = Math.max(1, ...months.flatMap((m) => m.values))
  const step = stepOf(max)
  const ceiling = Math.ceil(max / step) * step
  const slot = (WIDTH - left - right) / Math.max(months.length, 1)
  const bar = (slot * 0.8) / series.length
  const yOf = (value: number) => top + plotHeight - (value / ceiling) * plotHeight
  const ticks = Array.from({ length: Math.round(ceiling / step) + 1 }, (_, i) => i * step)
  const table = (
    <table>
      <thead>
        <tr>
          <th scope="col">{props.monthHeader}</th>
          {series.map((s) => (
            <th scope="col" key={s.name}>
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {months.map((m) => (
          <tr key={m.label}>
            <th scope="row">{m.label}</th>
            {m.values.map((v, i) => (
              <td key={series[i].name}>{v}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
  return (
    <Frame {...props} table={table} height={height}>
      {series.map((s, i) => (
        <g key={s.name} aria-hidden="true">
          <rect x={left + i * 130} y={6} width={10} height={10} fill={s.color} />
          <text x={left + i * 130 + 14} y={15} fill={INK}>
            {s.name}
          </text>
        </g>
      ))}
      <g aria-hidden="true">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={WIDTH - right} y1={yOf(tick)} y2={yOf(tick)} stroke={GRID} />
            <text x={left - 6} y={yOf(tick) + 4} textAnchor="end" fill={INK}>
              {tick}
            </text>
          </g>
        ))}
        {months.map((m, i) => (
          <g key={m.label}>
            {m.values.map((v, j) => (
              <rect
                key={series[j].name}
                x={left + i * slot + slot * 0.1 + j * bar}
                y={yOf(v)}
                width={Math.max(bar - 1, 1)}
                height={top + plotHeight - yOf(v)}
                fill={series[j].color}
              />
            ))}
            <text x={left + i * slot + slot / 2} y={height - bottom + 16} textAnchor="middle" fill={INK}>
              {m.label}
            </text>
          </g>
        ))}
      </g>
    </Frame>
  )
}

export type NamedValue = { label: string; value: number; shown: string }

/** One horizontal bar per name (e.g. a village's median days), longest first as given, the value written beside it. */
export const BarChart = (props: {
  id: string
  title: string
  desc: string
  tableCaption: string
  bars: NamedValue[]
  nameHeader: string
  valueHeader: string
  color: string
}) => {
  const { bars } = props
  const [labelWidth, valueWidth, row, top] = [190, 70, 18, 8]
  const height = top * 2 + row * Math.max(bars.length, 1)
  const max = Math.max(1, ...bars.map((b) => b.value))
  const span = WIDTH - labelWidth - valueWidth
  const table = (
    <table>
      <thead>
        <tr>
          <th scope="col">{props.nameHeader}</th>
          <th scope="col">{props.valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => (
          <tr key={b.label}>
            <th scope="row">{b.label}</th>
            <td>{b.shown}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
  return (
    <Frame {...props} table={table} height={height}>
      <g aria-hidden="true">
        {bars.map((b, i) => {
          const y = top + i * row
          return (
            <g key={b.label}>
              <text x={labelWidth - 6} y={y + row - 5} textAnchor="end" fill={INK}>
                {b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}
              </text>
              <rect x={labelWidth} y={y + 2} width={Math.max((b.value / max) * span, 1)} height={row - 4} fill={props.color} />
              <text x={labelWidth + (b.value / max) * span + 4} y={y + row - 5} fill={INK}>
                {b.shown}
              </text>
            </g>
          )
        })}
      </g>
    </Frame>
  )
}
