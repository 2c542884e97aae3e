import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The README and docs/ link each other and their sections: a link to a file that is gone or to a
 * heading that was renamed is a dead end for a reader, so every relative link must resolve.
 */
const ROOT = path.join(__dirname, "..", "..");
const documents = [
  "README.md",
  "CHANGELOG.md",
  ...readdirSync(path.join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** A heading's anchor as GitHub and GitLab make it: lower case, punctuation dropped, spaces to dashes. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- _]/gu, "")
    .replace(/ /g, "-");

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(path.join(ROOT, file), "utf8").replace(/^```[\s\S]*?^```$/gm, "");
  return new Set([...text.matchAll(/^#{1,6} (.*)$/gm)].map((m) => anchorOf(m[1])));
}

describe("links in the README and docs/", () => {
  it.each(documents)("%s: every relative link names a file and heading that exist", (file) => {
    const text = readFileSync(path.join(ROOT, file), "utf8").replace(/^```[\s\S]*?^```$/gm, "");
    const dead: string[] = [];
    for (const [, link] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(link)) continue;
      const [target, anchor] = link.split("#");
      const targetFile = target ? path.normalize(path.join(path.dirname(file), target)) : file;
      if (!existsSync(path.join(ROOT, targetFile))) dead.push(link);
      else if (anchor && targetFile.endsWith(".md") && !anchorsOf(targetFile).has(anchor)) dead.push(link);
    }
    expect(dead).toEqual([]);
  });
});
