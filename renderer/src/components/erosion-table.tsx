import type { ErosionReport } from '../../../shared/planning/erosion.js';
import { formatAmount } from './display-format.js';

const share = (s: number | null): string => (s === null ? '—' : `${(s * 100).toFixed(1)}%`);

/** Planned reserve against actual debt spend per closed sprint, with the warning when the reserve erodes. */
export function ErosionTable({ report }: { report: ErosionReport }) {
  if (report.sprints.length === 0) return <p className="sprint-card-empty">Close a sprint to compare its planned reserve with what was spent.</p>;
  return (
    <>
      {report.warning === null ? null : (
        <p className="planning-warning planning-warning-strong" role="alert" data-testid="erosion-warning">
          {report.warning}
        </p>
      )}
      <table className="planning-table" aria-label="Reserve erosion">
        <thead>
          <tr>
            <th scope="col">Sprint</th>
            <th scope="col">Planned reserve</th>
            <th scope="col">Debt spent</th>
            <th scope="col">Erosion</th>
            <th scope="col">Debt share</th>
            <th scope="col">Rolling 3-sprint share</th>
          </tr>
        </thead>
        <tbody>
          {report.sprints.map((r) => (
            <tr key={r.id} className={r.warning === null ? undefined : 'planning-row-warning'}>
              <th scope="row">{r.name}</th>
              <td>{formatAmount(r.plannedReserve)}</td>
              <td>{formatAmount(r.debtSpent)}</td>
              <td>{formatAmount(r.erosion)}</td>
              <td>{share(r.actualShare)}</td>
              <td>{share(r.rollingShare)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{formatAmount(report.totals.plannedReserve)}</td>
            <td>{formatAmount(report.totals.debtSpent)}</td>
            <td>{formatAmount(report.totals.erosion)}</td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </>
  );
}
