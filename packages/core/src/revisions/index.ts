export * from "./graph.ts";
export * from "./load.ts";
