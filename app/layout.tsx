import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "推进 · 重点项目攻坚调度平台", template: "%s · 推进" },
  description: "城市重点项目与专项行动的目标、月度进展、排名与公开数据。",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** The skip link lives in each section's layout, in that section's language (English public pages say it in English). */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">
        {children}
      </body>
    </html>
  );
}
