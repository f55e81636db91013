// One drizzle pg-core table as a `Table` of the schema model, read through `getTableConfig`.
import type { SQL } from "drizzle-orm";
import type { IndexedColumn, PgColumn, PgDialect, PgEnum, PgSequenceOptions, PgTable } from "drizzle-orm/pg-core";
import type { Column, ForeignKey, Identity, Index, IndexColumn, ReferentialAction, SequenceOptions, Table, Unique } from "@driftwood/schema";
import { orm, pgCore, pgTableConfig } from "./orm.ts";
import { pgDefaultSql } from "./pg-defaults.ts";

/** A schema name as the model keeps it: omitted for `public`. */
export function modelSchema(schema: string | undefined): string | undefined {
  return schema === undefined || schema === "public" ? undefined : schema;
}

export function tableFromPg(table: PgTable, dialect: PgDialect): Table {
  const config = pgTableConfig(table);
  const sql = (value: SQL) => dialect.sqlToQuery(value).sql;
  const uniques: Unique[] = [];
  const columns = config.columns.map((c) => {
    if (c.isUnique) uniques.push(unique(c.uniqueName!, [c.name], c.uniqueType === "not distinct"));
    return columnFromPg(c, dialect);
  });
  for (const u of config.uniqueConstraints) {
    const names = u.columns.map((c) => c.name);
    uniques.push(unique(u.name ?? `${config.name}_${names.join("_")}_unique`, names, u.nullsNotDistinct));
  }
  const primary = config.columns.filter((c) => c.primary).map((c) => c.name);
  const composite = config.primaryKeys[0];
  return {
    name: config.name,
    schema: modelSchema(config.schema),
    columns,
    primaryKey: composite
      ? { name: composite.getName(), columns: composite.columns.map((c) => c.name) }
      : primary.length > 0
        ? { columns: primary }
        : undefined,
    foreignKeys: config.foreignKeys.map((fk): ForeignKey => {
      const ref = fk.reference();
      const target = pgTableConfig(ref.foreignTable);
      return {
        name: fk.getName(),
        columns: ref.columns.map((c) => c.name),
        references: { schema: modelSchema(target.schema), name: target.name, columns: ref.foreignColumns.map((c) => c.name) },
        onDelete: (fk.onDelete ?? "no action") as ReferentialAction,
        onUpdate: (fk.onUpdate ?? "no action") as ReferentialAction,
      };
    }),
    uniques,
    checks: config.checks.map((c) => ({ name: c.name, expression: sql(c.value) })),
    indexes: config.indexes.map((i): Index => {
      const cols = i.config.columns.map((c) => indexColumn(c as SQL | IndexedColumn, dialect));
      const name = i.config.name ?? `${config.name}_${cols.map((c) => c.value).join("_")}_index`;
      return {
        name,
        columns: cols,
        unique: i.config.unique ?? false,
        method: i.config.method === undefined || i.config.method === "btree" ? undefined : i.config.method,
        where: i.config.where ? sql(i.config.where) : undefined,
        concurrently: i.config.concurrently || undefined,
      };
    }),
  };
}

function unique(name: string, columns: string[], nullsNotDistinct: boolean): Unique {
  return nullsNotDistinct ? { name, columns, nullsNotDistinct } : { name, columns };
}

function indexColumn(c: SQL | IndexedColumn, dialect: PgDialect): IndexColumn {
  const { is, SQL } = orm();
  if (is(c, SQL)) return { value: dialect.sqlToQuery(c, "indexes").sql, expression: true };
  const config = c.indexConfig;
  const desc = config?.order === "desc";
  return {
    value: c.name!,
    desc: desc || undefined,
    nulls: config?.nulls,
    opclass: config?.opClass,
  };
}

/** The enum a column (or an array of any depth of it) takes its values from. */
export function columnEnum(c: PgColumn): PgEnum<[string, ...string[]]> | undefined {
  const { is } = orm();
  const { PgArray, PgEnumColumn } = pgCore();
  let base: PgColumn = c;
  while (is(base, PgArray)) base = base.baseColumn as PgColumn;
  return is(base, PgEnumColumn) ? (base.enum as PgEnum<[string, ...string[]]>) : undefined;
}

export function columnFromPg(c: PgColumn, dialect: PgDialect): Column {
  const { is, SQL } = orm();
  const { type, dimensions } = splitArrayType(c.getSQLType());
  const e = columnEnum(c);
  const typeSchema = e ? modelSchema(e.schema) : undefined;
  const generated = c.generated;
  const as = generated?.as;
  return {
    name: c.name,
    type,
    typeSchema,
    dimensions,
    notNull: c.notNull,
    default: pgDefaultSql(c, dialect),
    identity: identity(c),
    generated:
      generated && as !== undefined
        ? {
            expression: is(as, SQL)
              ? dialect.sqlToQuery(as).sql
              : typeof as === "function"
                ? dialect.sqlToQuery((as as () => SQL)()).sql
                : String(as),
            stored: true,
          }
        : undefined,
  };
}

/** `integer[][]` → `integer` with 2 dimensions (sizes are not enforced by PostgreSQL). */
function splitArrayType(sqlType: string): { type: string; dimensions?: number } {
  const brackets = sqlType.match(/(\[\d*\])+$/);
  if (!brackets) return { type: sqlType };
  return { type: sqlType.slice(0, brackets.index), dimensions: brackets[0].split("[").length - 1 };
}

function identity(c: PgColumn): Identity | undefined {
  const id = c.generatedIdentity;
  if (!id) return undefined;
  return { always: id.type === "always", sequenceName: id.sequenceName, ...sequenceOptionsFromPg(id.sequenceOptions) };
}

/** drizzle's sequence options (of a sequence or an identity) as the model's, numbers as text. */
export function sequenceOptionsFromPg(o: PgSequenceOptions = {}): SequenceOptions {
  const text = (v: unknown) => (v === undefined ? undefined : String(v));
  return {
    increment: text(o.increment),
    minValue: text(o.minValue),
    maxValue: text(o.maxValue),
    start: text(o.startWith),
    cache: text(o.cache),
    cycle: o.cycle,
  };
}
