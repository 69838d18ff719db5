/**
 * A horizontal bar chart as plain SVG, followed by the same figures as a table.
 *
 * Why no chart library: every byte of the web part's bundle goes into the .sppkg and onto each SharePoint
 * page that holds it; three bar charts do not justify a charting dependency of tens to hundreds of kB, and
 * drawing them ourselves keeps the small-cell rule exact: a hidden count ("<5", "x") gets a short grey stub
 * and its marker, never a length guessed from a number. The SVG is one image with a name (role="img",
 * aria-label); screen readers get the figures from the table, which is visually hidden.
 */
import * as React from 'react';
import { getTheme, hiddenContentStyle, mergeStyles } from '@fluentui/react/lib/Styling';
import type { Count } from '../accountability';
import type { Strings } from '../i18n';
import { showCount } from './figures';

export interface BarRow {
  key: string;
  label: string;
  count: Count;
}

export const BAR_AREA = 320;
/** the width of a hidden count's stub: the same for "<5" and "x", whatever the other bars are. */
export const HIDDEN_BAR = 8;
const ROW_H = 24;
const MAX_LABEL_CHARS = 44;

/** A bar's length: proportional for a shown count (at least 2 px when above 0), the fixed stub for a hidden one. */
export function barWidth(count: Count, max: number): number {
  if (typeof count !== 'number') return HIDDEN_BAR;
  if (count <= 0) return 0;
  return Math.max(2, Math.round((count / Math.max(max, 1)) * BAR_AREA));
}

/** The scale: the largest shown count, and at least 5, so that a few small counts do not fill the width. */
export function scaleMax(rows: readonly BarRow[]): number {
  return rows.reduce((m, r) => (typeof r.count === 'number' && r.count > m ? r.count : m), 5);
}

// Fluent's hidden-content style plus a clip: a table ignores width/height, so it is hidden inside a wrapper.
const hidden = mergeStyles(hiddenContentStyle, { clip: 'rect(0 0 0 0)', clipPath: 'inset(50%)' });
const cell: React.CSSProperties = { textAlign: 'left', padding: '2px 12px 2px 0' };

export function FiguresTable(props: { caption: string; head: string[]; rows: string[][]; numericFrom?: number; visuallyHidden?: boolean; testId?: string }): React.ReactElement {
  const numericFrom = props.numericFrom === undefined ? 99 : props.numericFrom;
  const table = (
    <table style={{ borderCollapse: 'collapse', margin: '4px 0 12px' }} data-testid={props.testId}>
      <caption className={hidden}>{props.caption}</caption>
      <thead>
        <tr>
          {props.head.map((h, i) => (
            <th key={i} scope="col" style={{ ...cell, textAlign: i >= numericFrom ? 'right' : 'left', borderBottom: '1px solid #8a8886' }}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r, ri) => (
          <tr key={ri}>
            {r.map((c, i) => (
              <td key={i} style={{ ...cell, textAlign: i >= numericFrom ? 'right' : 'left' }}>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return props.visuallyHidden ? <div className={hidden}>{table}</div> : table;
}

export function BarChart(props: { title: string; rows: BarRow[]; s: Strings; testId?: string }): React.ReactElement {
  const { title, rows, s } = props;
  const palette = getTheme().palette;
  const max = scaleMax(rows);
  const chars = rows.reduce((m, r) => Math.max(m, Math.min(r.label.length, MAX_LABEL_CHARS)), 6);
  const labelW = chars * 7 + 12;
  const width = labelW + BAR_AREA + 48;
  const height = rows.length * ROW_H + 8;
  return (
    <figure style={{ margin: '8px 0 16px' }} data-testid={props.testId}>
      <figcaption>
        <h4 style={{ margin: '0 0 4px', fontSize: 14, fontWeight: 600 }}>{title}</h4>
      </figcaption>
      <svg role="img" aria-label={s.chartLabel(title)} width="100%" height={height} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMinYMin meet" style={{ maxWidth: width, display: 'block' }} focusable="false">
        {rows.map((r, i) => {
          const y = 4 + i * ROW_H;
          const shown = typeof r.count === 'number';
          const w = barWidth(r.count, max);
          const text = r.label.length > MAX_LABEL_CHARS ? `${r.label.slice(0, MAX_LABEL_CHARS - 1)}…` : r.label;
          return (
            <g key={r.key} data-row={r.key}>
              <text x={labelW - 6} y={y + 15} textAnchor="end" fontSize={12} fill={palette.neutralPrimary}>
                {text}
              </text>
              <rect
                x={labelW}
                y={y + 3}
                width={w}
                height={ROW_H - 8}
                fill={shown ? palette.themePrimary : palette.neutralSecondary}
                data-count={showCount(r.count)}
                data-hidden-count={shown ? undefined : 'true'}
              />
              <text x={labelW + w + 6} y={y + 15} fontSize={12} fill={palette.neutralPrimary}>
                {showCount(r.count)}
              </text>
            </g>
          );
        })}
      </svg>
      <FiguresTable caption={title} head={[s.chartCategory, s.count]} rows={rows.map((r) => [r.label, showCount(r.count)])} numericFrom={1} visuallyHidden={true} />
    </figure>
  );
}
