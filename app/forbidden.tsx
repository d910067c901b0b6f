import Link from "next/link";

export default function Forbidden() {
  return (
    <section aria-labelledby="forbidden-title" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 id="forbidden-title" className="text-2xl font-bold">无权访问</h1>
      <p className="mt-2 text-slate-600">您的账号没有执行此操作或查看此页面的权限。此次尝试已记录。</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">返回首页</Link>
    </section>
  );
}
