/**
 * The environment the server process (scripts/server.mjs) is started with, by `npm start` and by
 * the benchmark alike.
 *
 * MALLOC_ARENA_MAX=2 unless the operator set it: glibc gives each thread that allocates (libuv's
 * pool, V8's helpers, libSQL) an arena of its own, and freed memory stays resident in them. On the
 * leader's pages under load the server's resident memory went from 895–1,098 MB to 825–924 MB with
 * two arenas, at the same throughput (issue #17, docs/benchmark-notes.md). It must be set before the
 * process starts: glibc reads it once.
 */
export function serverProcessEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? "2" };
}
