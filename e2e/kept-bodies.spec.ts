import { expect, test, type APIRequestContext } from "./support/test";
import { requestAs } from "./support/actions";
import { authFile } from "./support/auth-file";
import { bumpDataVersion, queryOne, run } from "./support/users";

/*
 * The leader's page bodies are kept per everything they are made from (app/_lib/kept-bodies.mjs,
 * issue #17). What a leader must never notice: a kept page differs from the page rendered afresh,
 * a data write that does not show, or someone else's body.
 */

const NONCE = / nonce="[^"]*"/g;

async function get(api: APIRequestContext, url: string): Promise<{ html: string; how: string | undefined }> {
  const res = await api.get(url, { maxRedirects: 0 });
  expect(res.status(), url).toBe(200);
  return { html: (await res.text()).replace(NONCE, ' nonce=""'), how: res.headers()["x-tuijin-body"] };
}

test.describe("kept page bodies", () => {
  let leader: APIRequestContext;
  let admin: APIRequestContext;
  test.beforeAll(async ({ baseURL }) => {
    leader = await requestAs(baseURL!, authFile("leader"));
    admin = await requestAs(baseURL!, authFile("admin"));
  });
  test.afterAll(async () => {
    await leader.dispose();
    await admin.dispose();
  });

  test("each leader page from what is kept is byte for byte the page rendered afresh", async () => {
    const reported = await queryOne<{ code: string }>("select code from indicators where kind = 'reported' and campaign_id = (select id from campaigns where year = 2023) order by sort_order limit 1");
    const pages = ["/city", "/city?include=unapproved", "/city/lagging?scope=districts", "/city/rankings", "/city/projects", `/city/indicators/${reported!.code}`, "/city/districts/jinjiang"];
    await bumpDataVersion();
    for (const url of pages) {
      const fresh = await get(leader, url);
      const kept = await get(leader, url);
      expect([fresh.how, kept.how], `${url}: rendered, then kept`).toEqual(["rendered", "kept"]);
      expect(kept.html, url).toBe(fresh.html);
      expect(kept.html, url).not.toContain("tuijin-kept");
      // The print button's script is in the head of the kept page too.
      expect(kept.html, url).toMatch(/<head>[^]*<script src="\/js\/print\.js"[^]*<\/head>/);
    }
  });

  test("a data write shows on the next page; until then the kept body is served", async () => {
    const ind = await queryOne<{ id: number; name: string }>("select id, name from indicators where campaign_id = (select id from campaigns where year = 2023) order by sort_order limit 1");
    const renamed = `${ind!.name}（口径调整）`;
    await get(leader, "/city");
    expect((await get(leader, "/city")).how).toBe("kept");
    try {
      await run("update indicators set name = ? where id = ?", [renamed, ind!.id]);
      await bumpDataVersion();
      const after = await get(leader, "/city");
      expect(after.how).toBe("rendered");
      expect(after.html).toContain(renamed);
      expect((await get(leader, "/city")).html).toContain(renamed);
    } finally {
      await run("update indicators set name = ? where id = ?", [ind!.name, ind!.id]);
      await bumpDataVersion();
    }
    const back = await get(leader, "/city");
    expect(back.html).not.toContain(renamed);
    expect(back.html).toContain(ind!.name);
  });

  test("one reader's kept body is never another's: the office's figure-history links stay the office's", async () => {
    const reported = await queryOne<{ code: string }>("select code from indicators where kind = 'reported' and campaign_id = (select id from campaigns where year = 2023) order by sort_order limit 1");
    const url = `/city/indicators/${reported!.code}`;
    await bumpDataVersion();
    const forLeader = await get(leader, url);
    expect((await get(leader, url)).how).toBe("kept");
    const forOffice = await get(admin, url);
    expect(forOffice.how, "the office's own body, not the leader's kept one").toBe("rendered");
    expect(forOffice.html).toContain("这个数字的变更记录");
    expect(forLeader.html).not.toContain("这个数字的变更记录");
    expect((await get(leader, url)).html).not.toContain("这个数字的变更记录");
  });

  test("a client router's request gets the body itself, and a ticket sent by the client is ignored", async ({ baseURL }) => {
    await get(leader, "/city");
    const rsc = await leader.get("/city", { headers: { rsc: "1", "x-tuijin-kept-ticket": "made-up.1" } });
    expect(rsc.status()).toBe(200);
    expect(rsc.headers()["content-type"]).toMatch(/text\/x-component/);
    const payload = await rsc.text();
    expect(payload).toContain("全市指标进度");
    expect(payload).not.toContain("tuijin-kept");
    const page = await leader.get(`${baseURL}/city`, { headers: { "x-tuijin-kept-ticket": "made-up.1" } });
    expect(await page.text()).toContain("全市指标进度");
  });
});
