import { checkOptionKeys } from "../core/validate";
import { frontend } from "./frontend";
import { tableHtml, type TableLike, type TableOptions } from "./tableHtml";

/**
 * Shows a table in the notebook (a danfojs DataFrame or `{ column: values }`), as HTML sent through
 * {@link frontend}; `tableHtml` is the pure part.
 */
export function showTable(
  table: TableLike | Record<string, ArrayLike<unknown>>,
  options: TableOptions = {},
): void {
  checkOptionKeys("showTable", options, { digits: true, caption: true, index: true });
  frontend().display({ "text/html": tableHtml(table, options) });
}
