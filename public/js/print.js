// The "打印" buttons of the city pages (app/(staff)/city/export/print-button.tsx). A plain script,
// not a client component: those pages go out without the framework's runtime (scripts/precompress.mjs).
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-print-button]")) window.print();
});
