import "server-only";

/** Migrations are applied by the start script before the server accepts requests. */
export { getDatabase } from "./handle";
