export { check, type Check, type CheckOptions } from "./run.ts";
export { checkReport, type CheckDifference, type CheckHazard, type CheckReport, type CheckRevision, type ReportOptions } from "./report.ts";
export { differenceOf, differencesOf, type Difference, type DifferenceKind, type DifferenceObject } from "./differences.ts";
export { declarationLine, tableSources, type SourceLocation } from "./sources.ts";
export { differenceLine, formatCheckGithub, formatCheckText } from "./format.ts";
