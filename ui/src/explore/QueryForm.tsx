// The search form of an explore view: its fields, "Search", any extra controls, then CSV and JSON
// export of the shown results.
import type { ReactNode } from 'react';
import { download, objectsToCsv } from '../export/csv';

interface Props {
  onSearch: () => void;
  /** File name stem of the exports, e.g. `logs`. */
  exportName: string;
  /** The shown results; export is disabled until they are loaded. */
  results?: unknown[];
  csvColumns: string[];
  /** Controls between "Search" and the export buttons. */
  extra?: ReactNode;
  children: ReactNode;
}

export function QueryForm({ onSearch, exportName, results, csvColumns, extra, children }: Props) {
  return (
    <form
      className="query-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch();
      }}
    >
      {children}
      <button type="submit">Search</button>
      {extra}
      <button type="button" className="small" disabled={!results} onClick={() => download(`${exportName}.csv`, 'text/csv', objectsToCsv(results ?? [], csvColumns))}>CSV</button>
      <button type="button" className="small" disabled={!results} onClick={() => download(`${exportName}.json`, 'application/json', JSON.stringify(results ?? [], null, 2))}>JSON</button>
    </form>
  );
}
