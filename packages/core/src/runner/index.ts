export * from "./recorder.ts";
export * from "./version-table.ts";
export * from "./online.ts";
export * from "./offline.ts";
