/** "Skip to content": the first thing a keyboard reaches, in the page's own language. Every page's main element has id="main". */
export function SkipLink({ label = "跳到正文" }: { label?: string }) {
  return (
    <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
      {label}
    </a>
  );
}
