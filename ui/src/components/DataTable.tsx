// A generic `grid-table`: one header row from the columns' titles and one row per item, each cell
// rendered (with its own attributes, such as class or title) by its column definition.
import type { ReactNode, TdHTMLAttributes } from 'react';

type CellAttributes = TdHTMLAttributes<HTMLTableCellElement>;

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Attributes of the cell: the same for every row, or chosen per row. */
  td?: CellAttributes | ((row: T) => CellAttributes);
}

interface Props<T> {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Classes after `grid-table`. */
  className?: string;
}

export function DataTable<T>({ rows, columns, rowKey, className }: Props<T>) {
  return (
    <table className={className ? `grid-table ${className}` : 'grid-table'}>
      <thead>
        <tr>
          {columns.map((c) => <th key={c.header}>{c.header}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) => (
              <td key={c.header} {...(typeof c.td === 'function' ? c.td(row) : c.td)}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
