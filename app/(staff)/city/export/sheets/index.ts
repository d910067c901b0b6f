/** The city's workbooks, one module per table (see common.ts for the shared conventions). */
export * from "./common";
export * from "./completeness";
export * from "./dashboard";
export * from "./indicator";
export * from "./lagging";
export * from "./rankings";
export * from "./sectors";
export * from "./district";
export * from "./orders";
