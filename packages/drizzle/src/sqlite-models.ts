import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import {
  emptySchema,
  sortSchema,
  type Column,
  type ForeignKey,
  type Index,
  type ReferentialAction,
  type Schema,
  type Table,
} from "@driftwood/schema";
import type { ModelModule } from "./index.ts";
import { once, orm, sqliteCore, sqliteTableConfig } from "./orm.ts";

// Renders `sql` fragments (defaults, checks, index expressions) as drizzle-kit does.
const sqlDialect = once(() => new (sqliteCore().SQLiteSyncDialect)());

/**
 * Every `sqliteTable` exported by `modules`, as a `Schema`. A table exported twice (re-exported
 * from another file) counts once; two different tables with one name are an error.
 */
export function sqliteSchemaFromModules(modules: ModelModule[]): Schema {
  const { is } = orm();
  const { SQLiteTable } = sqliteCore();
  const found = new Map<string, { table: SQLiteTable; file: string }>();
  for (const m of modules) {
    for (const value of Object.values(m.exports)) {
      if (!is(value, SQLiteTable)) continue;
      const name = sqliteTableConfig(value).name;
      const seen = found.get(name);
      if (seen && seen.table !== value) {
        throw new Error(`table "${name}" is defined twice, in ${seen.file} and ${m.file}: rename one of them`);
      }
      found.set(name, { table: value, file: m.file });
    }
  }
  const schema = emptySchema("sqlite");
  schema.tables = [...found.values()].map(({ table }) => readTable(table));
  return sortSchema(schema);
}

function readTable(table: SQLiteTable): Table {
  const { is, SQL } = orm();
  const config = sqliteTableConfig(table);
  const columns = config.columns.map(readColumn);
  const pkColumns = config.columns.filter((c) => c.primary).map((c) => c.name);
  const composite = config.primaryKeys[0];
  const primaryKey = composite
    ? { name: composite.getName(), columns: composite.columns.map((c) => c.name) }
    : pkColumns.length > 0
      ? { columns: pkColumns }
      : undefined;
  const foreignKeys: ForeignKey[] = config.foreignKeys.map((fk) => {
    const ref = fk.reference();
    return {
      name: fk.getName(),
      columns: ref.columns.map((c) => c.name),
      references: { name: sqliteTableConfig(ref.foreignTable).name, columns: ref.foreignColumns.map((c) => c.name) },
      onDelete: (fk.onDelete ?? "no action") as ReferentialAction,
      onUpdate: (fk.onUpdate ?? "no action") as ReferentialAction,
    };
  });
  const uniques = [
    ...config.columns
      .filter((c) => c.isUnique)
      .map((c) => ({ name: c.uniqueName, columns: [c.name] })),
    ...config.uniqueConstraints.map((u) => ({ name: u.getName(), columns: u.columns.map((c) => c.name) })),
  ];
  const checks = config.checks.map((c) => ({ name: c.name, expression: sqlDialect().sqlToQuery(c.value).sql }));
  const indexes: Index[] = config.indexes.map(({ config: i }) => ({
    name: i.name,
    unique: i.unique,
    columns: i.columns.map((c) =>
      is(c, SQL) ? { value: sqlDialect().sqlToQuery(c, "indexes").sql, expression: true } : { value: c.name },
    ),
    ...(i.where ? { where: sqlDialect().sqlToQuery(i.where).sql } : {}),
  }));
  return {
    name: config.name,
    columns,
    ...(primaryKey ? { primaryKey } : {}),
    foreignKeys,
    uniques,
    checks,
    indexes,
  };
}

function readColumn(c: SQLiteColumn): Column {
  const { is, SQL } = orm();
  const { SQLiteBaseInteger } = sqliteCore();
  const column: Column = { name: c.name, type: c.getSQLType(), notNull: c.notNull };
  const dflt = defaultSql(c.default);
  if (dflt !== undefined) column.default = dflt;
  if (is(c, SQLiteBaseInteger) && c.autoIncrement) column.autoincrement = true;
  if (c.generated) {
    const as = c.generated.as;
    const expression = is(as, SQL)
      ? sqlDialect().sqlToQuery(as, "indexes").sql
      : typeof as === "function"
        ? sqlDialect().sqlToQuery(as(), "indexes").sql
        : String(as);
    column.generated = { expression, stored: c.generated.mode === "stored" };
  }
  return column;
}

/** A JS default as SQL, exactly as drizzle-kit's SQLite serializer writes it. */
function defaultSql(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const { is, SQL } = orm();
  if (is(value, SQL)) {
    const query = sqlDialect().sqlToQuery(value);
    if (query.params.length > 0) throw new Error(`a sql\`\` default cannot take parameters: ${query.sql}`);
    return query.sql;
  }
  if (typeof value === "string") return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === "object") return `'${JSON.stringify(value)}'`;
  return String(value);
}
