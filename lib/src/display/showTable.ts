import { tableHtml, type TableLike, type TableOptions } from "./tableHtml";

/**
 * Shows a table in the notebook (a danfojs DataFrame or `{ column: values }`), as HTML.
 * The one place tables touch tslab; `tableHtml` is the pure part.
 */
export function showTable(
  table: TableLike | Record<string, ArrayLike<unknown>>,
  options: TableOptions = {},
): void {
  // Loaded lazily: tslab is only there inside the kernel.
  const tslab = require("tslab") as { display: { html(s: string): void } };
  tslab.display.html(tableHtml(table, options));
}
