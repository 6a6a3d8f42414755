// The heading row of a teacher's table: one <th scope="col"> a column, so a screen reader
// names each cell's column.

/** A column's heading; give a class where it differs from the table's usual cell (a number's column, right-aligned). */
export type Column = string | { label: string; className: string };

export function ColumnHeads({
  columns,
  cellClassName = "p-2",
}: {
  columns: readonly Column[];
  cellClassName?: string;
}) {
  return (
    <thead>
      <tr className="border-b border-black/10">
        {columns.map((column) => {
          const { label, className } =
            typeof column === "string" ? { label: column, className: cellClassName } : column;
          return (
            <th key={label} scope="col" className={className}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
