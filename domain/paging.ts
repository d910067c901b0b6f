/**
 * The page a paged list shows out of `total` rows: clamped to the last page, so a stale `?page=`
 * still shows rows (an empty list has one, empty, page), with the offset of its first row.
 */
export function pageWindow(total: number, requested: number, pageSize: number): { page: number; lastPage: number; offset: number } {
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(requested, lastPage);
  return { page, lastPage, offset: (page - 1) * pageSize };
}
