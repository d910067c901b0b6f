import { describe, expect, it } from "vitest";
import { pageWindow } from "@/domain/paging";

describe("pageWindow: the page a paged list shows", () => {
  it("shows the page asked for, starting after the rows of the pages before it", () => {
    expect(pageWindow(120, 2, 50)).toEqual({ page: 2, lastPage: 3, offset: 50 });
  });

  it("shows the last page when the link asks for one past it (a stale ?page= after rows went away)", () => {
    expect(pageWindow(120, 9, 50)).toEqual({ page: 3, lastPage: 3, offset: 100 });
  });

  it("an empty list has one empty page", () => {
    expect(pageWindow(0, 4, 50)).toEqual({ page: 1, lastPage: 1, offset: 0 });
  });
});
