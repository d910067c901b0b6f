"use client";

// Never shows the error's message or stack: those can carry SQL or file paths.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">出错了</h1>
      <p className="mt-2 text-slate-600">服务器处理请求时出错，请稍后再试。</p>
      {error.digest && <p className="mt-1 text-xs text-slate-500">错误编号：{error.digest}</p>}
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 text-white">重试</button>
    </main>
  );
}
