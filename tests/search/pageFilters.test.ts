import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { filterMarkup, pageFilters } from "../../src/search/pageFilters.ts";

describe("pageFilters", () => {
  it("should give year, month, dateline and entity facets, in that order", () => {
    assert.deepEqual(
      pageFilters({
        date: "2021-05-18",
        dateline: "GAZA CITY",
        facets: [
          { filter: "person", value: "Joe Biden" },
          { filter: "location", value: "Gaza" },
        ],
      }),
      ["year:2021", "month:2021-05", "dateline:GAZA CITY", "person:Joe Biden", "location:Gaza"],
    );
  });

  it("should file an undated article under the year undated, with no month", () => {
    assert.deepEqual(pageFilters({ date: null, dateline: null, facets: [] }), ["year:undated"]);
  });

  it("should write each filter as an empty element, its value escaped", () => {
    assert.equal(
      filterMarkup(["organization:AT&T", 'person:Dwayne "The Rock" Johnson']),
      '<span data-pagefind-filter="organization:AT&amp;T"></span><span data-pagefind-filter="person:Dwayne &quot;The Rock&quot; Johnson"></span>',
    );
    assert.equal(filterMarkup([]), "");
  });
});
