/** SQLite-style `?` placeholders as PostgreSQL's `$1, $2, …` (the SQL itself never contains a literal `?`). */
export function numberedPlaceholders(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}
